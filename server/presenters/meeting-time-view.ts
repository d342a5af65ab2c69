import type { MeetingPlan } from '../domain/meetings/plan';
import { clockText, fitInSittings, type Moment, type Sitting } from '../domain/meetings/sittings';
import { formatMinutes, formatWeekdayDay } from './format';
import type { Locale } from '../i18n/locale';
import { translator, type Translate } from '../i18n/translate';

/** The time available (the sittings) beside the time the speakers' list needs, in French, for the meeting page. */

const NBSP = '\u00a0';
/** « 10 h 00 » in French, « 10:00 » otherwise. */
const clock = (minute: number, locale: Locale) => (locale === 'fr' ? clockText(minute).replace(':', `${NBSP}h${NBSP}`) : clockText(minute));
const momentText = (m: Moment, locale: Locale) => `${formatWeekdayDay(m.day, locale)}, ${clock(m.minute, locale)}`;

/** « Le point 7 dépasse », « Les points 6 et 7 dépassent ». */
function lateText(numbers: readonly number[], t: Translate): string {
  if (numbers.length === 1) return t('meetings.time.lateOne', { number: numbers[0] });
  return t('meetings.time.lateMany', { numbers: numbers.slice(0, -1).join(', '), last: numbers.at(-1) });
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
export function meetingTimeView(plan: MeetingPlan, sittings: readonly Sitting[], locale: Locale = 'fr'): MeetingTimeView | null {
  if (sittings.length === 0) return null;
  const t = translator(locale);
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
        ? clock(item.endsAt.minute, locale)
        : momentText(item.endsAt, locale)
      : t('meetings.time.afterLast');
    items.set(item.number, {
      scheduleText: item.startsAt ? `${momentText(item.startsAt, locale)} → ${end}` : t('meetings.time.afterLast'),
      fits,
      overText: fits ? null : t('meetings.time.over', { minutes: formatMinutes(item.over) }),
    });
  }
  const late = fit.items.filter((i) => i.over > 0).map((i) => i.number);
  const needed = formatMinutes(fit.needed);
  const available = formatMinutes(fit.available);
  return {
    entered: true,
    availableText: available,
    sittingsText: t('meetings.time.sittings', {
      sittings: t('meetings.time.nSittings', { count: sittings.length }),
      days: t('meetings.time.nDays', { count: days }),
    }),
    neededText: needed,
    fits: fit.missing === 0,
    warning:
      fit.missing > 0
        ? t('meetings.time.warning', { needed, available, missing: formatMinutes(fit.missing), late: lateText(late, t) })
        : null,
    marginText: fit.missing === 0 ? t('meetings.time.margin', { minutes: formatMinutes(fit.available - fit.needed) }) : null,
    items,
  };
}
