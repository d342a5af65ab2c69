/**
 * The four formulas of docs/method.md#formulas. An empty population has no value (« sans objet »):
 * null, never 0 % and never NaN.
 */

/** 100 × (States of the population counted) / (all States of the population). */
export function share(counted: number, populationSize: number): number | null {
  return populationSize === 0 ? null : (100 * counted) / populationSize;
}

/** The number of States of the population counted. */
export function count(counted: number, populationSize: number): number | null {
  return populationSize === 0 ? null : counted;
}

/** A number recorded for the year. */
export function figure(recorded: number | null): number | null {
  return recorded ?? null;
}

/** 100 × numerator / denominator, both recorded for the year. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (100 * numerator) / denominator;
}
