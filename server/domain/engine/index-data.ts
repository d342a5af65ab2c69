import type { RegistryState } from '../registry';
import type { Answer, EngineData, EngineIndicator, Figure, Report } from './types';

/** Engine data indexed once by year, so each indicator is a few set operations. */
export interface EngineIndex {
  states: RegistryState[];
  stateByIso3: Map<string, RegistryState>;
  parties: ReadonlyMap<number, ReadonlySet<string>>;
  indicators: EngineIndicator[];
  indicatorByCode: Map<string, EngineIndicator>;
  /** year → population → States entered. */
  memberships: Map<number, Map<string, Set<string>>>;
  /** year → State → report. */
  reports: Map<number, Map<string, Report>>;
  /** year → indicator → State → answer. */
  answers: Map<number, Map<string, Map<string, Answer>>>;
  /** year → indicator → figure. */
  figures: Map<number, Map<string, Figure>>;
  /** Years holding any membership, report, answer or figure. */
  yearsWithData: Set<number>;
}

/** The map's entry for `key`, made first when missing; its type is the map's (NoInfer: not `make`'s `new Map()`). */
function child<K, V>(map: Map<K, V>, key: K, make: () => NoInfer<V>): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export function indexEngineData(data: EngineData): EngineIndex {
  const index: EngineIndex = {
    states: data.states,
    stateByIso3: new Map(data.states.map((s) => [s.iso3, s])),
    parties: data.parties ?? new Map(),
    indicators: data.indicators,
    indicatorByCode: new Map(data.indicators.map((i) => [i.code, i])),
    memberships: new Map(),
    reports: new Map(),
    answers: new Map(),
    figures: new Map(),
    yearsWithData: new Set(),
  };
  for (const m of data.memberships) {
    child(
      child(index.memberships, m.year, () => new Map()),
      m.population,
      () => new Set(),
    ).add(m.state);
    index.yearsWithData.add(m.year);
  }
  for (const r of data.reports) {
    child(index.reports, r.year, () => new Map()).set(r.state, r);
    index.yearsWithData.add(r.year);
  }
  for (const a of data.answers) {
    child(
      child(index.answers, a.year, () => new Map()),
      a.indicator,
      () => new Map(),
    ).set(a.state, a);
    index.yearsWithData.add(a.year);
  }
  for (const f of data.figures) {
    child(index.figures, f.year, () => new Map()).set(f.indicator, f);
    index.yearsWithData.add(f.year);
  }
  return index;
}
