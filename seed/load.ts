import type { Db } from '../db/client';
import { withAudit, type Actor } from '../db/queries/audit';
import { syncSeedTable } from '../db/queries/seed';
import type { SyncCounts } from '../db/sync';
import { parsePopulationRef } from '../server/domain/population';
import type { RegistryState } from '../server/domain/registry';
import { readSeedCatalogue, type SeedCatalogue } from './catalogue';
import { readSeedRegistry } from './registry';

/** Changes to the registry made by the seed files are recorded under this name. */
const SEED_ACTOR: Actor = { userId: null, label: 'catalogue et registre (fichiers seed)', origin: 'seed' };

export type SeedSummary = Record<
  'sections' | 'populations' | 'actions' | 'indicators' | 'mechanisms' | 'mechanismActions' | 'states',
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
    return summary;
  });
}
