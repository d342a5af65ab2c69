import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { actions, catalogueTexts, catalogueTranslations, indicators, mechanismActions, mechanisms, populations, sections } from '../schema';

/** The rows of the catalogue's tables, each in its order; server/domain/catalogue.ts assembles them. */
export function readCatalogueRows(db: Db) {
  return {
    sectionRows: db.select().from(sections).orderBy(asc(sections.position)).all(),
    actionRows: db.select().from(actions).orderBy(asc(actions.number)).all(),
    indicatorRows: db.select().from(indicators).orderBy(asc(indicators.action), asc(indicators.position)).all(),
    mechanismRows: db.select().from(mechanisms).orderBy(asc(mechanisms.position)).all(),
    linkRows: db.select().from(mechanismActions).orderBy(asc(mechanismActions.action)).all(),
    populationRows: db.select().from(populations).orderBy(asc(populations.position)).all(),
    translationRows: db.select().from(catalogueTranslations).all(),
    textRows: db.select().from(catalogueTexts).all(),
  };
}

export type CatalogueRows = ReturnType<typeof readCatalogueRows>;
