import { inTransaction, type Db } from '../db/client';
import { dataTablesEmpty, deleteAllData, insertDataRows } from '../db/queries/demo';
import { META, isDemoDataLoaded, readMeta, writeMeta } from '../db/queries/meta';
import { readCatalogue } from '../server/domain/catalogue';
import { readRegistry } from '../server/domain/stored-data';
import { withAudit, type Actor } from '../db/queries/audit';
import { validateReports } from '../db/queries/review';
import { releaseYears } from '../server/domain/releases/publish';
import type { Config } from '../server/config';
import { DEFAULT_LOCALE } from '../server/i18n/locale';
import { t } from '../server/i18n/translate';
import { generateDemoData, type DemoData } from './demo';

export interface DemoCounts {
  populationMemberships: number;
  reports: number;
  answers: number;
  figures: number;
}

export interface DemoClearCounts extends DemoCounts {
  releases: number;
  validations: number;
}

const DEMO_ACTOR: Actor = { userId: null, label: 'données de démonstration', origin: 'demo' };

/**
 * Inserts the demonstration data (by default generated from the catalogue and registry in the
 * database) and marks the database as holding it, in one transaction: all or nothing. Its reports
 * are validated and its years published, so that visitors see a dashboard with figures.
 */
export function loadDemoData(
  db: Db,
  // The catalogue and registry as the database holds them now (an administrator may have changed them).
  data: DemoData = generateDemoData(readCatalogue(db), readRegistry(db)),
): DemoCounts {
  return withAudit(db, DEMO_ACTOR, (tx) => {
    insertDataRows(tx, data);
    const now = new Date().toISOString();
    validateReports(tx, [...data.reports, ...data.answers], null, now);
    releaseYears(
      tx,
      [...data.reports, ...data.answers, ...data.figures].map((r) => r.year),
      {
        now,
        by: null,
        // Stored in French, the source language, like every release note; pages word it in theirs (releaseNoteIn).
        note: t(DEFAULT_LOCALE, 'release.demoNote'),
      },
    );
    writeMeta(tx, META.demoData, 'loaded');
    return {
      populationMemberships: data.populationMemberships.length,
      reports: data.reports.length,
      answers: data.answers.length,
      figures: data.figures.length,
    };
  });
}

/**
 * Deletes every row of the data tables and every release, forgets the demonstration flag and
 * records when this happened (so the demonstration data is not loaded again), in one transaction.
 * Refuses (throws) when the database does not hold demonstration data, so that it never deletes
 * real data.
 */
export function clearDemoData(db: Db, now: Date = new Date()): DemoClearCounts {
  return inTransaction(
    db,
    (tx) => {
      if (!isDemoDataLoaded(tx)) {
        throw new Error('La base ne contient pas de données de démonstration : rien n’a été supprimé.');
      }
      // The trail of fictitious data (and of its deletion just now) describes nothing real: it goes too.
      const counts: DemoClearCounts = deleteAllData(tx);
      writeMeta(tx, META.demoData, null);
      writeMeta(tx, META.demoCleared, now.toISOString());
      return counts;
    },
    'deferred',
  );
}

/**
 * Demonstration data is loaded at start only when the configuration asks for it, the database
 * holds no memberships, reports, answers or figures, and demonstration data was never cleared.
 */
export function shouldLoadDemoData(db: Db, config: Pick<Config, 'demoData'>): boolean {
  return config.demoData && readMeta(db, META.demoCleared) === null && dataTablesEmpty(db);
}
