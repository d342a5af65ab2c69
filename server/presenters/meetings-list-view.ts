import type { Meeting } from '../../db/queries/meetings';
import { MEETING_KIND_LABELS } from '../domain/meetings/kinds';
import { formatDayRange } from './format';
import { meetingLastChange } from './meeting-messages';

/** The view model of views/workspace/meetings.hbs: meetings to come first (soonest first), then past ones (latest first). */
export function meetingsListView(meetings: Meeting[], options: { canEdit: boolean; today: Date }) {
  const today = options.today.toISOString().slice(0, 10);
  const row = (m: Meeting) => ({
    id: m.id,
    title: m.title,
    kind: MEETING_KIND_LABELS[m.kind],
    dates: formatDayRange(m.startsOn, m.endsOn),
    place: m.place,
    year: m.year,
    lastChange: meetingLastChange(m),
  });
  const upcoming = meetings.filter((m) => m.endsOn >= today).reverse();
  const past = meetings.filter((m) => m.endsOn < today);
  return {
    title: 'Réunions',
    canEdit: options.canEdit,
    upcoming: upcoming.map(row),
    past: past.map(row),
    empty: meetings.length === 0,
  };
}
