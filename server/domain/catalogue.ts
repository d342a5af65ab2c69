import type { Db } from '../../db/client';
import { readCatalogueRows, type CatalogueRows } from '../../db/queries/catalogue';
import type { DerivedFrom, Direction, IndicatorKind, PopulationDerivation } from '../../db/codes';
import { formatPopulationRef, type PopulationKey, type PopulationRef } from './population';
import { catalogueTranslationsOf, type CatalogueTranslations } from './catalogue-translations';

/** The catalogue of the plan: sections, actions, indicators, mechanisms and populations, as the seed loads them. */

export interface CatalogueIndicator {
  code: string;
  action: number;
  text: string;
  kind: IndicatorKind;
  /** « affected », « yes(15.1) »…; null for figures and ratios. */
  population: string | null;
  /** The same population as its key and, for `yes`, its indicator: read once here, not parsed back. */
  populationRef: PopulationRef | null;
  direction: Direction;
  provenance: string | null;
  /** 8.1 and 8.2 are read from the reports themselves, not from answers. */
  derivedFrom: DerivedFrom | null;
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
  derivation: PopulationDerivation;
}

export interface Catalogue {
  sections: CatalogueSection[];
  actions: CatalogueAction[];
  mechanisms: CatalogueMechanism[];
  populations: CataloguePopulation[];
  /** Every indicator by code, in catalogue order. */
  indicatorByCode: Map<string, CatalogueIndicator>;
  /** Its texts in English and Spanish, where a translation is loaded (catalogue-i18n.ts). */
  translations: CatalogueTranslations;
}

/** The whole catalogue, assembled from the rows of its tables. */
export function readCatalogue(db: Db): Catalogue {
  return catalogueOf(readCatalogueRows(db));
}

export function catalogueOf({
  sectionRows,
  actionRows,
  indicatorRows,
  mechanismRows,
  linkRows,
  populationRows,
  translationRows,
  textRows,
}: CatalogueRows): Catalogue {
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
    translations: catalogueTranslationsOf(translationRows, textRows),
  };
}
