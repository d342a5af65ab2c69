import { isReportOnTime } from '../registry';
import { count, figure, ratio, share } from './formulas';
import type { EngineIndex } from './index-data';
import { YearPopulations } from './populations';
import type { AnswerValue, EngineIndicator, IndicatorValue, StatesByAnswer } from './types';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What a State said on an indicator in a year; for 8.1 and 8.2 what its report shows; null: nothing. */
function answerReader(index: EngineIndex, indicator: EngineIndicator, year: number): (state: string) => AnswerValue | null {
  if (indicator.derivedFrom !== null) {
    const reports = index.reports.get(year);
    return (state) => {
      const report = reports?.get(state);
      if (!report) return null;
      const yes = indicator.derivedFrom === 'report_on_time' ? isReportOnTime(report) : report.usedReportingGuide;
      return yes ? 'yes' : 'no';
    };
  }
  const answers = index.answers.get(year)?.get(indicator.code);
  return (state) => answers?.get(state)?.answer ?? null;
}

function splitByAnswer(population: ReadonlySet<string>, answerOf: (state: string) => AnswerValue | null): StatesByAnswer {
  const split: StatesByAnswer = { yes: [], no: [], blank: [] };
  for (const state of population) {
    const answer = answerOf(state);
    // A State of the population that did not say yes counts in the denominator only (docs/method.md#share).
    split[answer === 'yes' ? 'yes' : answer === 'no' ? 'no' : 'blank'].push(state);
  }
  split.yes.sort(byCode);
  split.no.sort(byCode);
  split.blank.sort(byCode);
  return split;
}

const noValue = (code: string, year: number): IndicatorValue => ({
  code,
  year,
  value: null,
  numerator: null,
  denominator: null,
  answered: null,
  states: null,
});

/**
 * Computes every indicator for one year. `yes(X)` populations need X first: indicators are computed
 * on demand and memoised, so the order of the catalogue does not matter.
 */
export function evaluateYear(index: EngineIndex, year: number): { values: Map<string, IndicatorValue>; populations: YearPopulations } {
  const values = new Map<string, IndicatorValue>();
  const hasData = index.yearsWithData.has(year);
  const populations = new YearPopulations(index, year, (code) => valueOf(code).states?.yes ?? []);

  function valueOf(code: string): IndicatorValue {
    const known = values.get(code);
    if (known) return known;
    const indicator = index.indicatorByCode.get(code);
    const computed = indicator && hasData ? evaluate(indicator) : noValue(code, year);
    values.set(code, computed);
    return computed;
  }

  function evaluate(indicator: EngineIndicator): IndicatorValue {
    if (indicator.kind === 'figure' || indicator.kind === 'ratio') {
      const recorded = index.figures.get(year)?.get(indicator.code) ?? null;
      const isRatio = indicator.kind === 'ratio';
      return {
        ...noValue(indicator.code, year),
        value: isRatio ? ratio(recorded?.value ?? null, recorded?.denominator ?? null) : figure(recorded?.value ?? null),
        numerator: isRatio ? (recorded?.value ?? null) : null,
        denominator: isRatio ? (recorded?.denominator ?? null) : null,
      };
    }
    const population = populations.of(indicator);
    const states = splitByAnswer(population, answerReader(index, indicator, year));
    const formula = indicator.kind === 'share' ? share : count;
    return {
      code: indicator.code,
      year,
      value: formula(states.yes.length, population.size),
      numerator: states.yes.length,
      denominator: population.size,
      answered: states.yes.length + states.no.length,
      states,
    };
  }

  for (const indicator of index.indicators) valueOf(indicator.code);
  return { values, populations };
}
