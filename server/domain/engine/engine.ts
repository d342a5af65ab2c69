import { evaluateYear } from './evaluate';
import { earlyWarningFlags } from './flags';
import { indexEngineData, type EngineIndex } from './index-data';
import type { YearPopulations } from './populations';
import { likeForLike } from './like-for-like';
import { progress } from './progress';
import type { RegistryState } from '../registry';
import {
  BASELINE_YEAR,
  PLAN_YEARS,
  type Answer,
  type EngineData,
  type Figure,
  type EngineIndicator,
  type IndicatorResult,
  type Report,
  type StateFlag,
} from './types';

export interface YearResult {
  year: number;
  hasData: boolean;
  /** Every indicator, in catalogue order, with its progress against the baseline. */
  indicators: Map<string, IndicatorResult>;
  populations: YearPopulations;
  flags: Map<string, StateFlag[]>;
}

const NO_ANSWERS: ReadonlyMap<string, Answer> = new Map();

/**
 * All indicators for all plan years, computed from one read of the data. Years are computed on
 * first use and kept: a snapshot is immutable, a new one is made when the data changes. Presenters
 * and routes ask it through its methods (`year`, `state`, `report`, `answer`…); its indexes are
 * its own.
 */
export class EngineSnapshot {
  private readonly index: EngineIndex;
  private readonly years = new Map<number, YearResult>();

  /** `data`: what it was computed from, kept for whoever needs the rows themselves (the pack rebuilds earlier data from it). */
  constructor(readonly data: EngineData) {
    this.index = indexEngineData(data);
  }

  year(year: number): YearResult {
    const known = this.years.get(year);
    if (known) return known;
    const { values, populations } = evaluateYear(this.index, year);
    const baseline = year === BASELINE_YEAR ? values : this.year(BASELINE_YEAR).indicators;
    const indicators = new Map<string, IndicatorResult>();
    for (const indicator of this.index.indicators) {
      const value = values.get(indicator.code)!;
      const baselineResult = baseline.get(indicator.code);
      indicators.set(indicator.code, {
        ...value,
        ...progress(indicator.kind, indicator.direction, year, value.value, baselineResult?.value ?? null),
        likeForLike: likeForLike(indicator.kind, year, value.states, baselineResult?.states ?? null),
      });
    }
    const result: YearResult = {
      year,
      hasData: this.index.yearsWithData.has(year),
      indicators,
      populations,
      flags: earlyWarningFlags(this.index, year, populations),
    };
    this.years.set(year, result);
    return result;
  }

  /** The registry, by ISO code. */
  states(): readonly RegistryState[] {
    return this.index.states;
  }

  /** A State of the registry, or undefined. */
  state(iso3: string): RegistryState | undefined {
    return this.index.stateByIso3.get(iso3);
  }

  /** The indicators, in catalogue order. */
  indicators(): readonly EngineIndicator[] {
    return this.index.indicators;
  }

  indicator(code: string): EngineIndicator | undefined {
    return this.index.indicatorByCode.get(code);
  }

  /** A State's report for a year, or undefined. */
  report(year: number, iso3: string): Report | undefined {
    return this.index.reports.get(year)?.get(iso3);
  }

  /** The reports of a year, in no order. */
  reports(year: number): Report[] {
    return [...(this.index.reports.get(year)?.values() ?? [])];
  }

  /** A State's answer to an indicator in a year, or undefined. */
  answer(year: number, code: string, iso3: string): Answer | undefined {
    return this.index.answers.get(year)?.get(code)?.get(iso3);
  }

  /** The answers to an indicator in a year, by State. */
  answersTo(year: number, code: string): ReadonlyMap<string, Answer> {
    return this.index.answers.get(year)?.get(code) ?? NO_ANSWERS;
  }

  /** The figure recorded for an indicator in a year, or undefined. */
  figure(year: number, code: string): Figure | undefined {
    return this.index.figures.get(year)?.get(code);
  }

  /** The entered populations with at least one member in a year. */
  enteredPopulations(year: number): Set<string> {
    const byPopulation = this.index.memberships.get(year);
    return new Set([...(byPopulation?.entries() ?? [])].filter(([, members]) => members.size > 0).map(([key]) => key));
  }

  /** How many indicators each State answered in a year, by State (those with none are absent). */
  answerCounts(year: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const byState of this.index.answers.get(year)?.values() ?? []) {
      for (const state of byState.keys()) counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    return counts;
  }

  /** A State's French name; its code when the registry does not know it. */
  stateName(iso3: string): string {
    return this.index.stateByIso3.get(iso3)?.nameFr ?? iso3;
  }

  /** The plan years holding data, in order. */
  yearsWithData(): number[] {
    return PLAN_YEARS.filter((y) => this.index.yearsWithData.has(y));
  }

  /** The latest plan year holding data; the baseline year when there is none. */
  latestYear(): number {
    return this.yearsWithData().at(-1) ?? BASELINE_YEAR;
  }

  /** One indicator across the plan years. */
  indicatorYears(code: string): IndicatorResult[] {
    return PLAN_YEARS.map((y) => this.year(y).indicators.get(code)!).filter(Boolean);
  }
}
