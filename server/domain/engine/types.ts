import type { PopulationKey } from '../population';
import type { RegistryState } from '../registry';
import type { KindRow } from '../data-kinds';

// The years and codes are defined once, with the schema that enforces them.
export { BASELINE_YEAR, PLAN_YEARS, TARGET_YEAR } from '../../../db/codes';
export type { AnswerValue, DerivedFrom, Direction, IndicatorKind } from '../../../db/codes';
import type { DerivedFrom, Direction, IndicatorKind } from '../../../db/codes';

/** What the engine needs to know of an indicator. */
export interface EngineIndicator {
  code: string;
  action: number;
  kind: IndicatorKind;
  population: PopulationKey | null;
  /** For `yes(X)`: X. */
  populationOf: string | null;
  direction: Direction;
  derivedFrom: DerivedFrom | null;
}

/** The rows the engine reads, typed by the schema through their descriptors (../data-kinds.ts). */
export type Membership = KindRow<'populations'>;
export type Report = KindRow<'reports'>;
export type Answer = KindRow<'answers'>;
export type Figure = KindRow<'figures'>;

/** Everything the computation reads, as a handful of set-based queries return it. */
export interface EngineData {
  indicators: EngineIndicator[];
  states: RegistryState[];
  /**
   * The States Parties of a year as its release froze them (public view). Where a year is absent,
   * they are derived from the registry's dates.
   */
  parties?: ReadonlyMap<number, ReadonlySet<string>>;
  memberships: Membership[];
  reports: Report[];
  answers: Answer[];
  figures: Figure[];
}

/** The States of an indicator's population, split by what they answered. */
export interface StatesByAnswer {
  yes: string[];
  no: string[];
  /** Blank answer, no answer, or (for 8.1 and 8.2) no report. */
  blank: string[];
}

/** One indicator in one year (docs/method.md#formulas). */
export interface IndicatorValue {
  code: string;
  year: number;
  /** Percentage for share and ratio, number for count and figure; null: no value (« sans objet » or no data). */
  value: number | null;
  /** States counted (share, count) or the recorded numerator (ratio); null for figures. */
  numerator: number | null;
  /** Size of the population (share, count) or the recorded denominator (ratio); null for figures. */
  denominator: number | null;
  /** States of the population that answered yes or no; null for figures and ratios. */
  answered: number | null;
  /** Null for figures and ratios, and for a year without any data. */
  states: StatesByAnswer | null;
}

export type Status = 'improved' | 'unchanged' | 'worsened' | 'changed' | 'no-baseline' | 'no-data';

/** The graded progress towards the 2029 target (docs/method.md#graded-progress), in the order pages list them. */
export const GRADES = [
  'target-reached',
  'on-track',
  'acceleration-needed',
  'limited-progress',
  'moving-away',
  'not-comparable',
  'no-target',
] as const;
export type Grade = (typeof GRADES)[number];

/** A share's change among the States of its population both in 2025 and in the year (docs/method.md#like-for-like). */
export interface LikeForLike {
  /** The cohort: States in the population both in 2025 and in the year. */
  denominator: number;
  /** States of the cohort counted in 2025. */
  numerator2025: number;
  /** States of the cohort counted in the year. */
  numerator: number;
  /** 100 × (numerator − numerator2025) / denominator, in points. */
  delta: number;
  /** States in the population in the year but not in 2025 (ISO codes, sorted). */
  entered: string[];
  /** States in the population in 2025 but not in the year. */
  left: string[];
}

export interface Progress {
  baseline: number | null;
  delta: number | null;
  status: Status;
  projection2029: number | null;
  target: number | null;
  reachesTarget: boolean | null;
  /** Graded progress towards the target (docs/method.md#graded-progress). */
  progress: Grade;
}

export type IndicatorResult = IndicatorValue & Progress & { likeForLike: LikeForLike | null };

export interface StateFlag {
  code: 'no-report-two-years';
  action: number;
  years: number[];
}
