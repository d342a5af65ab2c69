import { evaluateYear } from './evaluate';
import { earlyWarningFlags } from './flags';
import { indexEngineData, type EngineIndex } from './index-data';
import type { YearPopulations } from './populations';
import { progress } from './progress';
import { BASELINE_YEAR, PLAN_YEARS, type EngineData, type IndicatorResult, type StateFlag } from './types';

export interface YearResult {
  year: number;
  hasData: boolean;
  /** Every indicator, in catalogue order, with its progress against the baseline. */
  indicators: Map<string, IndicatorResult>;
  populations: YearPopulations;
  flags: Map<string, StateFlag[]>;
}

/**
 * All indicators for all plan years, computed from one read of the data. Years are computed on
 * first use and kept: a snapshot is immutable, a new one is made when the data changes.
 */
export class EngineSnapshot {
  readonly index: EngineIndex;
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
      const baselineValue = baseline.get(indicator.code)?.value ?? null;
      indicators.set(indicator.code, {
        ...value,
        ...progress(indicator.kind, indicator.direction, year, value.value, baselineValue),
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
