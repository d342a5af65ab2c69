import { BASELINE_YEAR, type IndicatorKind, type LikeForLike, type StatesByAnswer } from './types';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every State of the population, whatever it answered. */
const membersOf = (states: StatesByAnswer) => new Set([...states.yes, ...states.no, ...states.blank]);

/**
 * A share's change among the States in its population both in 2025 and in `year`, so that a State
 * joining or leaving the population does not pass for progress (docs/method.md#like-for-like). Null for
 * other kinds, for 2025, for a year without data, and when no State is in the population both years.
 */
export function likeForLike(
  kind: IndicatorKind,
  year: number,
  states: StatesByAnswer | null,
  baselineStates: StatesByAnswer | null,
): LikeForLike | null {
  if (kind !== 'share' || year <= BASELINE_YEAR || states === null || baselineStates === null) return null;
  const now = membersOf(states);
  const then = membersOf(baselineStates);
  const cohort = [...now].filter((state) => then.has(state));
  if (cohort.length === 0) return null;
  const yesNow = new Set(states.yes);
  const yesThen = new Set(baselineStates.yes);
  const numerator2025 = cohort.filter((state) => yesThen.has(state)).length;
  const numerator = cohort.filter((state) => yesNow.has(state)).length;
  return {
    denominator: cohort.length,
    numerator2025,
    numerator,
    delta: (100 * (numerator - numerator2025)) / cohort.length,
    entered: [...now].filter((state) => !then.has(state)).sort(byCode),
    left: [...then].filter((state) => !now.has(state)).sort(byCode),
  };
}

/** How far apart, in points, the headline and like-for-like changes must be for pages to explain the gap (docs/method.md#like-for-like). */
export const NOTICEABLE_POINTS = 1;

/** Whether the headline change and the like-for-like change differ by at least NOTICEABLE_POINTS. */
export function differsNoticeably(delta: number | null, like: LikeForLike | null): boolean {
  // 10⁻⁹: the percentage arithmetic's noise must not hide a gap of exactly one point.
  return delta !== null && like !== null && Math.abs(delta - like.delta) >= NOTICEABLE_POINTS - 1e-9;
}
