import type { MeetingPlan } from '../domain/meetings/plan';
import { clockText, fitInSittings, type Moment, type Sitting } from '../domain/meetings/sittings';
import { formatMinutes } from './format';

/** The time available (the sittings) beside the time the speakers' list needs, in French, for the meeting page. */

const NBSP = '\u00a0';
const dayShort = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' });
const dayText = (iso: string) => dayShort.format(new Date(`${iso}T00:00:00Z`));
/** « 10 h 00 ». */
const clock = (minute: number) => clockText(minute).replace(':', `${NBSP}h${NBSP}`);
const momentText = (m: Moment) => `${dayText(m.day)}, ${clock(m.minute)}`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « Le point 7 dépasse », « Les points 6 et 7 dépassent ». */
function lateText(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Le point ${numbers[0]} dépasse`;
  return `Les points ${numbers.slice(0, -1).join(', ')} et ${numbers.at(-1)} dépassent`;
}

export interface ItemTimeView {
  /** « mar. 16 juin, 10 h 00 → 11 h 35 », or where it stops being possible. */
  scheduleText: string;
  fits: boolean;
  /** « dépasse de 1 h 20 min la dernière séance ». */
  overText: string | null;
}

export interface MeetingTimeView {
  entered: boolean;
  availableText: string;
  sittingsText: string;
  neededText: string;
  fits: boolean;
  /** The warning, when the list does not fit. */
  warning: string | null;
  /** The margin left, when it fits. */
  marginText: string | null;
  items: Map<number, ItemTimeView>;
}

/** Null when no sitting is entered: the page asks for them instead. */
export function meetingTimeView(plan: MeetingPlan, sittings: readonly Sitting[]): MeetingTimeView | null {
  if (sittings.length === 0) return null;
  const fit = fitInSittings(
    plan.items.map((i) => ({ number: i.item.number, minutes: i.minutes })),
    sittings,
  );
  const days = new Set(sittings.map((s) => s.day)).size;
  const items = new Map<number, ItemTimeView>();
  for (const item of fit.items) {
    const fits = item.over === 0;
    const end = item.endsAt
      ? item.startsAt?.day === item.endsAt.day
        ? clock(item.endsAt.minute)
        : momentText(item.endsAt)
      : 'après la dernière séance';
    items.set(item.number, {
      scheduleText: item.startsAt ? `${momentText(item.startsAt)} → ${end}` : 'après la dernière séance',
      fits,
      overText: fits ? null : `dépasse de ${formatMinutes(item.over)} la dernière séance`,
    });
  }
  const late = fit.items.filter((i) => i.over > 0).map((i) => i.number);
  const needed = formatMinutes(fit.needed);
  const available = formatMinutes(fit.available);
  return {
    entered: true,
    availableText: available,
    sittingsText: `${plural(sittings.length, 'séance', 'séances')} sur ${plural(days, 'jour', 'jours')}`,
    neededText: needed,
    fits: fit.missing === 0,
    warning:
      fit.missing > 0
        ? `La liste des orateurs ne tient pas dans les séances : elle demande ${needed}, les séances en offrent ${available} ; il manque ${formatMinutes(fit.missing)}. ${lateText(late)} la dernière séance : retirez des orateurs, réduisez les autres interventions ou ajoutez des séances.`
        : null,
    marginText: fit.missing === 0 ? `Marge : ${formatMinutes(fit.available - fit.needed)}.` : null,
    items,
  };
}
