import { openDatabase, type Db } from '../db/client';
import { loadDemoData, shouldLoadDemoData } from '../seed/demo-load';
import { loadSeed } from '../seed/load';
import type { Config } from './config';
import { freezeEarlierPublications } from './domain/releases/publish';

/**
 * Opens the database and brings it to what the dashboard serves: schema, catalogue and registry,
 * demonstration data when asked for, and releases frozen. Says what it did on `log`.
 */
export function prepareDatabase(config: Config, log: (line: string) => void = console.log): Db {
  const db = openDatabase(config.databasePath);
  const summary = loadSeed(db);
  const changed = Object.entries(summary)
    .filter(([, c]) => c.inserted + c.updated + c.deleted > 0)
    .map(([table, c]) => `${table} +${c.inserted} ~${c.updated} -${c.deleted}`);
  log(`Catalogue et registre : ${changed.length ? changed.join(', ') : 'à jour'}.`);
  if (shouldLoadDemoData(db, config)) {
    const demo = loadDemoData(db);
    log(
      `Données de démonstration chargées (2025 et 2026 : ${demo.reports} rapports, ${demo.answers} réponses) ; ` +
        'pour les supprimer : npm run demo:clear (DEMO_DATA=off pour ne pas les charger).',
    );
  }
  const frozen = freezeEarlierPublications(db);
  if (frozen > 0) log(`${frozen} année(s) publiée(s) avant l’arrivée des révisions : figée(s) telles que le public les voyait.`);
  return db;
}
