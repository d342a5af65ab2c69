import fs from 'node:fs';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase, type Db } from '../../db/client';
import { META, readMeta } from '../../db/queries/meta';
import { answers, auditEntries, figures, indicators, populationMemberships, releases, reports, states, validations } from '../../db/schema';
import { runCommand } from '../helpers/cli';
import { writeDatabaseFile } from '../helpers/database-images';
import { useTempDir } from '../helpers/temp-dir';

jest.setTimeout(60_000);

function runDemoClear(databasePath: string) {
  const { status, stdout, stderr } = runCommand('demo-clear', [], { DATABASE_PATH: databasePath, PORT: '', DEMO_DATA: '' });
  return { status, stdout, stderr };
}

const tableCount = (db: Db, table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;

function withDatabase<T>(file: string, use: (db: Db) => T): T {
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.$client.close();
  }
}

describe('npm run demo:clear', () => {
  const dir = useTempDir('demo-clear-');

  test('removes the demonstration data, says what it removed, and refuses a second time', () => {
    const file = dir.file('db.sqlite');
    // The demonstration data built once for the run (test/helpers/database-images.ts), as a file:
    // what it holds is what demo:clear must say it removed.
    writeDatabaseFile('demo', file);
    const { loaded, stateCount, indicatorCount } = withDatabase(file, (db) => ({
      loaded: {
        reports: tableCount(db, reports),
        answers: tableCount(db, answers),
        populationMemberships: tableCount(db, populationMemberships),
      },
      stateCount: tableCount(db, states),
      indicatorCount: tableCount(db, indicators),
    }));
    expect(loaded.reports).toBeGreaterThan(0);

    const first = runDemoClear(file);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Données de démonstration supprimées');
    expect(first.stdout).toContain(`${loaded.reports.toLocaleString('fr-FR')} rapports`);
    expect(first.stdout).toContain(`${loaded.answers.toLocaleString('fr-FR')} réponses`);
    expect(first.stdout).toContain(`${loaded.populationMemberships.toLocaleString('fr-FR')} appartenances`);
    // The demonstration publishes its two years.
    expect(first.stdout).toContain('2 publications');

    withDatabase(file, (db) => {
      for (const table of [populationMemberships, reports, answers, figures, releases, validations, auditEntries]) {
        expect(tableCount(db, table)).toBe(0);
      }
      expect(tableCount(db, indicators)).toBe(indicatorCount);
      expect(tableCount(db, states)).toBe(stateCount);
      expect(readMeta(db, META.demoData)).toBeNull();
      expect(readMeta(db, META.demoCleared)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    const second = runDemoClear(file);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('ne contient pas de données de démonstration');
    expect(second.stdout).toBe('');
  });

  test('refuses, with exit 1, a database holding real data and no demonstration data', () => {
    const file = dir.file('real.sqlite');
    writeDatabaseFile('seeded', file);
    withDatabase(file, (db) => {
      db.insert(reports).values({ year: 2025, state: 'FRA', receivedOn: '2025-04-02', usedReportingGuide: true }).run();
      db.insert(answers).values({ year: 2025, state: 'FRA', indicator: '7.1', answer: 'yes' }).run();
    });

    const result = runDemoClear(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('rien n’a été supprimé');

    withDatabase(file, (db) => {
      expect(tableCount(db, reports)).toBe(1);
      expect(tableCount(db, answers)).toBe(1);
      expect(readMeta(db, META.demoCleared)).toBeNull();
    });
  });

  test('refuses a database file that does not exist, without creating it', () => {
    const file = dir.file('missing', 'db.sqlite');
    const result = runDemoClear(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Aucune base de données');
    expect(fs.existsSync(file)).toBe(false);
  });
});
