/**
 * The Convention's Implementation Support Unit works in Geneva: the dashboard's day and clock are
 * Geneva's, whatever the server's own time zone (docs/method.md#the-30-april-rule).
 */
export const GENEVA_TIME_ZONE = 'Europe/Zurich';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: GENEVA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The day in Geneva at `now`, as YYYY-MM-DD: « today » for every rule that compares a date with it,
 * through whichever door the value comes (form, import, command line).
 */
export function todayInGeneva(now: Date): string {
  return dayFormat.format(now);
}
