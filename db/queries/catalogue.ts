import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { actions, indicators, mechanismActions, mechanisms, populations, sections } from '../schema';
import { formatPopulationRef, type PopulationKey, type PopulationRef } from '../../server/domain/population';

export interface CatalogueIndicator {
  code: string;
  action: number;
  text: string;
  kind: 'share' | 'count' | 'figure' | 'ratio';
  /** « affected », « yes(15.1) »…; null for figures and ratios. */
  population: string | null;
  /** The same population as its key and, for `yes`, its indicator: read once here, not parsed back. */
  populationRef: PopulationRef | null;
  direction: 'up' | 'down' | 'neutral';
  provenance: string | null;
  /** 8.1 and 8.2 are read from the reports themselves, not from answers. */
  derivedFrom: 'report_on_time' | 'report_reporting_guide' | null;
}

export interface CatalogueAction {
  number: number;
  section: string;
  text: string;
  lead: string | null;
  contributing: string[];
  indicators: CatalogueIndicator[];
}

export interface CatalogueSection {
  number: string;
  title: string;
  introduction: string[];
  actions: number[];
}

export interface CatalogueMechanism {
  id: string;
  name: string;
  mandate: string;
  lead: number[];
  contributing: number[];
}

export interface CataloguePopulation {
  key: string;
  name: string;
  description: string;
  derivation: 'registry' | 'entered' | 'union' | 'answers';
}

export interface Catalogue {
  sections: CatalogueSection[];
  actions: CatalogueAction[];
  mechanisms: CatalogueMechanism[];
  populations: CataloguePopulation[];
  /** Every indicator by code, in catalogue order. */
  indicatorByCode: Map<string, CatalogueIndicator>;
}

/** The whole catalogue, assembled from five queries. */
export function readCatalogue(db: Db): Catalogue {
  const sectionRows = db.select().from(sections).orderBy(asc(sections.position)).all();
  const actionRows = db.select().from(actions).orderBy(asc(actions.number)).all();
  const indicatorRows = db.select().from(indicators).orderBy(asc(indicators.action), asc(indicators.position)).all();
  const mechanismRows = db.select().from(mechanisms).orderBy(asc(mechanisms.position)).all();
  const linkRows = db.select().from(mechanismActions).orderBy(asc(mechanismActions.action)).all();
  const populationRows = db.select().from(populations).orderBy(asc(populations.position)).all();
  const mechanismOrder = new Map(mechanismRows.map((m, i) => [m.id, i]));
  const byMechanismOrder = (a: string, b: string) => (mechanismOrder.get(a) ?? 0) - (mechanismOrder.get(b) ?? 0);

  const actionList: CatalogueAction[] = actionRows.map((a) => {
    const links = linkRows.filter((l) => l.action === a.number);
    return {
      number: a.number,
      section: a.section,
      text: a.text,
      lead: links.find((l) => l.role === 'lead')?.mechanism ?? null,
      contributing: links
        .filter((l) => l.role === 'contributing')
        .map((l) => l.mechanism)
        .sort(byMechanismOrder),
      indicators: indicatorRows
        .filter((i) => i.action === a.number)
        .map((i) => ({
          code: i.code,
          action: i.action,
          text: i.text,
          kind: i.kind,
          population: i.population === null ? null : formatPopulationRef({ key: i.population, of: i.populationOf }),
          // The column references the populations table, which the seed fills from POPULATION_KEYS.
          populationRef: i.population === null ? null : { key: i.population as PopulationKey, of: i.populationOf },
          direction: i.direction,
          provenance: i.provenance,
          derivedFrom: i.derivedFrom,
        })),
    };
  });

  return {
    sections: sectionRows.map((s) => ({
      number: s.number,
      title: s.title,
      introduction: JSON.parse(s.introduction) as string[],
      actions: actionRows.filter((a) => a.section === s.number).map((a) => a.number),
    })),
    actions: actionList,
    indicatorByCode: new Map(actionList.flatMap((a) => a.indicators).map((i) => [i.code, i])),
    mechanisms: mechanismRows.map((m) => ({
      id: m.id,
      name: m.name,
      mandate: m.mandate,
      lead: linkRows.filter((l) => l.mechanism === m.id && l.role === 'lead').map((l) => l.action),
      contributing: linkRows.filter((l) => l.mechanism === m.id && l.role === 'contributing').map((l) => l.action),
    })),
    populations: populationRows.map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      derivation: p.derivation,
    })),
  };
}
