import type { Catalogue } from '../catalogue';
import type { EngineSnapshot } from '../engine/engine';
import { BASELINE_YEAR } from '../engine/types';
import { pairKey, type ReviewState } from '../review';
import { isAnswerable } from './report-entry';

/**
 * How far a year's data has come, as the workspace holds it: what the year's checklist and the
 * publication preview show. Counts only, computed from the engine's index; no wording.
 */
export interface YearProgress {
  year: number;
  /** The year before (null for the baseline year, which has none in the plan). */
  previousYear: number | null;
  parties: number;
  /** States party this year and not the year before, and the reverse (registry dates). */
  joined: string[];
  left: string[];
  /** Reports from States party this year: received (any status), and validated. */
  reportsReceived: number;
  reportsValidated: number;
  /** Reports from States not party that year. */
  voluntaryReports: number;
  /** (year, State) pairs holding a report or an answer and not validated. */
  drafts: number;
  /** Each entered population: its members this year and the year before. */
  populations: { key: string; name: string; members: number; previous: number | null }[];
  /** Each recorded indicator (figure or ratio) and whether its figure is entered. */
  figures: { code: string; entered: boolean }[];
  answers: number;
  /** Per mechanism: answers entered by States of the population, out of the States in the populations of its indicators. */
  byMechanism: { id: string; name: string; entered: number; expected: number }[];
}

export function yearProgress(
  catalogue: Catalogue,
  engine: EngineSnapshot,
  review: ReviewState,
  drafts: number,
  year: number,
): YearProgress {
  const result = engine.year(year);
  const party = result.populations.get('party');
  const previousYear = year > BASELINE_YEAR ? year - 1 : null;
  const previousParty = previousYear === null ? null : engine.year(previousYear).populations.get('party');
  const reports = engine.reports(year).map((r) => r.state);
  const fromParties = reports.filter((s) => party.has(s));
  const entered = catalogue.populations.filter((p) => p.derivation === 'entered');
  const indicators = catalogue.actions.flatMap((a) => a.indicators);

  /** Answers in the population, out of the population, for the indicators of a set of actions. */
  const answerCoverage = (actions: ReadonlySet<number>) => {
    let got = 0;
    let expected = 0;
    for (const indicator of indicators) {
      if (!actions.has(indicator.action) || !isAnswerable(indicator) || indicator.populationRef === null) continue;
      const population = result.populations.get(indicator.populationRef.key, indicator.populationRef.of);
      expected += population.size;
      const answered = engine.answersTo(year, indicator.code);
      for (const state of population) if (answered.has(state)) got++;
    }
    return { entered: got, expected };
  };

  let answers = 0;
  for (const count of engine.answerCounts(year).values()) answers += count;

  return {
    year,
    previousYear,
    parties: party.size,
    joined: previousParty === null ? [] : [...party].filter((s) => !previousParty.has(s)).sort(),
    left: previousParty === null ? [] : [...previousParty].filter((s) => !party.has(s)).sort(),
    reportsReceived: fromParties.length,
    reportsValidated: fromParties.filter((s) => review.validated.has(pairKey(year, s))).length,
    voluntaryReports: reports.length - fromParties.length,
    drafts,
    populations: entered.map((p) => ({
      key: p.key,
      name: p.name,
      members: result.populations.get(p.key).size,
      previous: previousYear === null ? null : engine.year(previousYear).populations.get(p.key).size,
    })),
    figures: indicators
      .filter((i) => i.kind === 'figure' || i.kind === 'ratio')
      .map((i) => ({ code: i.code, entered: engine.figure(year, i.code) !== undefined })),
    answers,
    byMechanism: catalogue.mechanisms.map((m) => ({
      id: m.id,
      name: m.name,
      ...answerCoverage(new Set([...m.lead, ...m.contributing])),
    })),
  };
}
