import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client';
import { META, readMeta, writeMeta } from '../db/queries/meta';
import { withAudit, type Actor } from '../db/queries/audit';
import { syncSeedTable } from '../db/queries/seed';
import type { SyncCounts } from '../db/sync';
import { parsePopulationRef } from '../server/domain/population';
import type { RegistryState } from '../server/domain/registry';
import { readSeedCatalogue, SEED_DATA_DIR, type SeedCatalogue } from './catalogue';
import { readCatalogueTranslations, type CatalogueTranslationData } from './catalogue-translations';
import { readSeedRegistry } from './registry';

/** Changes to the registry made by the seed files are recorded under this name. */
const SEED_ACTOR: Actor = { userId: null, label: 'catalogue et registre (fichiers seed)', origin: 'seed' };

export type SeedSummary = Record<
  | 'sections'
  | 'populations'
  | 'actions'
  | 'indicators'
  | 'mechanisms'
  | 'mechanismActions'
  | 'states'
  | 'catalogueTranslations'
  | 'catalogueTexts',
  SyncCounts
>;

/**
 * Loads the catalogue and the registry into the database in one transaction. Idempotent: only
 * differences are written. Kind, population and direction of an indicator, and a State, that a
 * user has edited are left as the user set them.
 */
export function loadSeed(
  db: Db,
  catalogue: SeedCatalogue = readSeedCatalogue(),
  registry: RegistryState[] = readSeedRegistry(),
  translations: CatalogueTranslationData[] = readCatalogueTranslations(),
): SeedSummary {
  return withAudit(db, SEED_ACTOR, (t) => {
    const summary = {} as SeedSummary;
    summary.sections = syncSeedTable(
      t,
      'sections',
      catalogue.sections.map((s, i) => ({
        number: s.number,
        position: i + 1,
        title: s.title,
        introduction: JSON.stringify(s.introduction),
      })),
      { key: ['number'] },
    );
    summary.populations = syncSeedTable(
      t,
      'populations',
      catalogue.populations.map((p, i) => ({ ...p, position: i + 1 })),
      { key: ['key'] },
    );
    summary.actions = syncSeedTable(
      t,
      'actions',
      catalogue.actions.map((a) => ({ number: a.number, section: a.section, text: a.text })),
      { key: ['number'] },
    );
    summary.indicators = syncSeedTable(
      t,
      'indicators',
      catalogue.actions.flatMap((a) =>
        a.indicators.map((ind, i) => {
          const ref = ind.population === null ? null : parsePopulationRef(ind.population);
          return {
            code: ind.code,
            action: a.number,
            position: i + 1,
            text: ind.text,
            kind: ind.kind,
            population: ref?.key ?? null,
            populationOf: ref?.of ?? null,
            direction: ind.direction,
            provenance: ind.provenance,
            derivedFrom: ind.derivedFrom,
          };
        }),
      ),
      { key: ['code'], userEdited: { marker: 'editedAt', fields: ['kind', 'population', 'populationOf', 'direction'] } },
    );
    summary.mechanisms = syncSeedTable(
      t,
      'mechanisms',
      catalogue.mechanisms.map((m, i) => ({ id: m.id, position: i + 1, name: m.name, mandate: m.mandate })),
      { key: ['id'] },
    );
    summary.mechanismActions = syncSeedTable(
      t,
      'mechanismActions',
      catalogue.mechanisms.flatMap((m) => [
        ...m.lead.map((action) => ({ mechanism: m.id, action, role: 'lead' as const })),
        ...m.contributing
          .filter((action) => !m.lead.includes(action))
          .map((action) => ({ mechanism: m.id, action, role: 'contributing' as const })),
      ]),
      { key: ['mechanism', 'action'], deleteMissing: true },
    );
    summary.states = syncSeedTable(t, 'states', registry, {
      key: ['iso3'],
      userEdited: { marker: 'editedAt', fields: ['nameFr', 'nameEn', 'party', 'partyFrom', 'partyUntil'] },
    });
    // Languages first (their texts reference them); a language whose file is gone is deleted after its texts.
    const languages = translations.map((tr) => ({ locale: tr.language, translation: tr.translation, source: tr.source }));
    summary.catalogueTranslations = syncSeedTable(t, 'catalogueTranslations', languages, { key: ['locale'] });
    // A text the file no longer has goes from the database too: it then shows in French.
    summary.catalogueTexts = syncSeedTable(t, 'catalogueTexts', translations.flatMap(translatedTextRows), {
      key: ['locale', 'entity', 'key', 'field'],
      deleteMissing: true,
    });
    summary.catalogueTranslations.deleted = syncSeedTable(t, 'catalogueTranslations', languages, {
      key: ['locale'],
      deleteMissing: true,
    }).deleted;
    return summary;
  });
}

/**
 * Loads the seed as `loadSeed` does, unless the database says it was loaded from these very files by
 * this very build (`buildId`, the compiled bundle's: null from the sources, which always load it):
 * what the seed writes depends only on its files and the code, and the rows users edit are theirs
 * either way, so a second start with nothing changed has nothing to write (it read and compared
 * the whole catalogue for about 0.15 s). Null when it was not loaded again.
 */
export function loadSeedUnlessLoaded(db: Db, buildId: string | null, dir = SEED_DATA_DIR): SeedSummary | null {
  const fingerprint = buildId === null ? null : `${buildId}:${seedDataHash(dir)}`;
  if (fingerprint !== null && readMeta(db, META.seedLoaded) === fingerprint) return null;
  const catalogue = readSeedCatalogue(dir);
  const summary = loadSeed(db, catalogue, readSeedRegistry(path.join(dir, 'states.csv')), readCatalogueTranslations(dir, catalogue));
  writeMeta(db, META.seedLoaded, fingerprint);
  return summary;
}

/** A hash of every seed data file's name and bytes (about 0.3 MB: a millisecond). */
function seedDataHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(dir).sort())
    hash
      .update(name)
      .update('\0')
      .update(fs.readFileSync(path.join(dir, name)))
      .update('\0');
  return hash.digest('hex');
}

/** A translation file's catalogue texts as rows of `catalogue_texts` (the guidelines are read from the file). */
function translatedTextRows(tr: CatalogueTranslationData) {
  const locale = tr.language;
  return [
    ...Object.entries(tr.sections).flatMap(([key, s]) => [
      { locale, entity: 'section' as const, key, field: 'title' as const, text: s.title },
      ...(s.introduction
        ? [{ locale, entity: 'section' as const, key, field: 'introduction' as const, text: JSON.stringify(s.introduction) }]
        : []),
    ]),
    ...Object.entries(tr.actions).map(([key, text]) => ({ locale, entity: 'action' as const, key, field: 'text' as const, text })),
    ...Object.entries(tr.indicators).map(([key, text]) => ({ locale, entity: 'indicator' as const, key, field: 'text' as const, text })),
    ...Object.entries(tr.provenance).map(([key, text]) => ({
      locale,
      entity: 'indicator' as const,
      key,
      field: 'provenance' as const,
      text,
    })),
    ...Object.entries(tr.mechanisms).flatMap(([key, m]) => [
      { locale, entity: 'mechanism' as const, key, field: 'name' as const, text: m.name },
      { locale, entity: 'mechanism' as const, key, field: 'mandate' as const, text: m.mandate },
    ]),
    ...Object.entries(tr.populations).flatMap(([key, p]) => [
      { locale, entity: 'population' as const, key, field: 'name' as const, text: p.name },
      { locale, entity: 'population' as const, key, field: 'description' as const, text: p.description },
    ]),
  ];
}
