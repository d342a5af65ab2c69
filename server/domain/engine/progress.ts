import { BASELINE_YEAR, TARGET_YEAR, type Direction, type Grade, type IndicatorKind, type Progress } from './types';

/** Differences smaller than this are rounding noise from the percentage arithmetic. */
const EPSILON = 1e-9;

export function delta(value: number | null, baseline: number | null): number | null {
  return value === null || baseline === null ? null : value - baseline;
}

/**
 * Improved, unchanged or worsened by the indicator's direction. A neutral indicator (15.1: stocks
 * discovered) is neither better nor worse when it moves: its status is then `changed`.
 */
export function status(value: number | null, baseline: number | null, direction: Direction): Progress['status'] {
  if (value === null) return 'no-data';
  if (baseline === null) return 'no-baseline';
  const difference = value - baseline;
  if (Math.abs(difference) < EPSILON) return 'unchanged';
  if (direction === 'neutral') return 'changed';
  return difference > 0 === (direction === 'up') ? 'improved' : 'worsened';
}

/**
 * The plan's implicit target (docs/method.md#target): 100 % for a share going up, 0 for a count going
 * down (46.1).
 */
export function target(kind: IndicatorKind, direction: Direction): number | null {
  if (kind === 'share' && direction === 'up') return 100;
  if (kind === 'count' && direction === 'down') return 0;
  return null;
}

/**
 * The value 2029 would reach if the pace seen between the baseline and `year` held: a straight line
 * through both, bounded to what the kind allows (a percentage stays within 0–100, a count above 0).
 */
export function projection2029(kind: IndicatorKind, year: number, value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || year <= BASELINE_YEAR) return null;
  const projected = baseline + ((value - baseline) * (TARGET_YEAR - BASELINE_YEAR)) / (year - BASELINE_YEAR);
  const atLeastZero = Math.max(0, projected);
  return kind === 'share' || kind === 'ratio' ? Math.min(100, atLeastZero) : atLeastZero;
}

export function reachesTarget(projected: number | null, goal: number | null, direction: Direction): boolean | null {
  if (projected === null || goal === null) return null;
  return direction === 'down' ? projected <= goal + EPSILON : projected >= goal - EPSILON;
}

/** The pace ratios that separate the grades (docs/method.md#graded-progress). */
export const ON_TRACK_RATIO = 0.95;
export const ACCELERATION_RATIO = 0.5;

/**
 * The observed pace since 2025 against the pace needed to reach the target in 2029, graded
 * (docs/method.md#graded-progress). Unrounded values; a ratio within 10⁻⁹ of a threshold counts as on
 * it, so that the percentage arithmetic's noise never moves an indicator down a grade.
 */
export function grade(kind: IndicatorKind, direction: Direction, year: number, value: number | null, baseline: number | null): Grade {
  const goal = target(kind, direction);
  if (goal === null) return 'no-target';
  if (year <= BASELINE_YEAR || value === null || baseline === null) return 'not-comparable';
  const down = direction === 'down';
  if (down ? value <= goal + EPSILON : value >= goal - EPSILON) return 'target-reached';
  // The target was held in 2025 and is lost: no pace is needed, and any is away from it.
  if (Math.abs(goal - baseline) < EPSILON) return 'moving-away';
  const needed = (goal - baseline) / (TARGET_YEAR - BASELINE_YEAR);
  const observed = (value - baseline) / (year - BASELINE_YEAR);
  const ratio = observed / needed;
  if (ratio >= ON_TRACK_RATIO - EPSILON) return 'on-track';
  if (ratio >= ACCELERATION_RATIO - EPSILON) return 'acceleration-needed';
  if (ratio >= -EPSILON) return 'limited-progress';
  return 'moving-away';
}

export function progress(kind: IndicatorKind, direction: Direction, year: number, value: number | null, baseline: number | null): Progress {
  const projected = projection2029(kind, year, value, baseline);
  const goal = target(kind, direction);
  return {
    baseline,
    delta: delta(value, baseline),
    status: status(value, baseline, direction),
    projection2029: projected,
    target: goal,
    reachesTarget: reachesTarget(projected, goal, direction),
    progress: grade(kind, direction, year, value, baseline),
  };
}
