import type { RegistryState } from '../../../../server/domain/registry';
import type { Answer, EngineData, EngineIndicator, Figure, Membership, Report } from '../../../../server/domain/engine/types';

/** Small hand-made datasets whose every value can be computed by hand in the tests. */

export function state(iso3: string, extra: Partial<RegistryState> = {}): RegistryState {
  return { iso3, nameFr: iso3, nameEn: iso3, party: true, partyFrom: null, partyUntil: null, ...extra };
}

export function indicator(code: string, extra: Partial<EngineIndicator> = {}): EngineIndicator {
  return {
    code,
    action: Number(code.split('.')[0]),
    kind: 'share',
    population: 'affected',
    populationOf: null,
    direction: 'up',
    derivedFrom: null,
    ...extra,
  };
}

export function data(parts: Partial<EngineData>): EngineData {
  return { indicators: [], states: [], memberships: [], reports: [], answers: [], figures: [], ...parts };
}

export const member = (year: number, state: string, population: string): Membership => ({ year, state, population });

export const answer = (year: number, state: string, code: string, value: Answer['answer']): Answer => ({
  year,
  state,
  indicator: code,
  answer: value,
  source: `Rapport ${year}`,
  note: null,
});

export const report = (year: number, state: string, receivedOn: string, usedReportingGuide = false): Report => ({
  year,
  state,
  receivedOn,
  usedReportingGuide,
});

export const figureRow = (year: number, code: string, value: number, denominator: number | null = null): Figure => ({
  year,
  indicator: code,
  value,
  denominator,
});
