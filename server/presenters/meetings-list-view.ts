import type { Meeting } from '../../db/queries/meetings';
import { todayInGeneva } from '../domain/geneva';
import { MEETING_KIND_KEYS } from './meeting-labels';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { formatDayRange } from './format';
import { meetingLastChange } from './meeting-messages';

/** The view model of views/workspace/meetings.hbs: meetings to come first (soonest first), then past ones (latest first). */
export function meetingsListView(meetings: Meeting[], options: { canEdit: boolean; today: Date; locale: Locale }) {
  const today = todayInGeneva(options.today);
  const row = (m: Meeting) => ({
    id: m.id,
    title: m.title,
    kind: t(options.locale, MEETING_KIND_KEYS[m.kind]),
    dates: formatDayRange(m.startsOn, m.endsOn, options.locale),
    place: m.place,
    year: m.year,
    lastChange: meetingLastChange(m, options.locale),
  });
  const upcoming = meetings.filter((m) => m.endsOn >= today).reverse();
  const past = meetings.filter((m) => m.endsOn < today);
  return {
    title: t(options.locale, 'meetings.list.title'),
    canEdit: options.canEdit,
    upcoming: upcoming.map(row),
    past: past.map(row),
    empty: meetings.length === 0,
  };
}
