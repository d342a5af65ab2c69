import type { Db } from '../../db/client';
import { createApp } from '../../server/app';
import { readConfig, type Config } from '../../server/config';
import { validateReports } from '../../db/queries/review';
import { and, eq } from 'drizzle-orm';
import { withAudit } from '../../db/queries/audit';
import { answers, reports } from '../../db/schema';
import { releaseYears } from '../../server/domain/releases/publish';
import { databaseFromImage } from './database-images';

/** A fresh in-memory database with the catalogue and registry loaded (a copy of one built once: see database-images.ts). */
export function seededDatabase(): Db {
  return databaseFromImage('seeded');
}

export function testApp(db: Db = seededDatabase(), config: Partial<Config> = {}) {
  const fullConfig = { ...readConfig({}), databasePath: ':memory:', demoData: false, ...config };
  return { db, app: createApp({ db, config: fullConfig }) };
}

/**
 * Validates every (year, State) report the database holds and publishes every year that has one,
 * as an administrator would: for tests of what the public sees.
 */
export function publishEverything(db: Db, now = '2026-06-01T09:00:00.000Z'): void {
  const rows = [...db.select().from(reports).all(), ...db.select().from(answers).all()];
  validateReports(db, rows, null, now);
  releaseYears(
    db,
    rows.map((r) => r.year),
    { now, by: null },
  );
}

/**
 * Turns a State's answer to yes, as a correction of a validated report would (with a reason),
 * without publishing it: for tests of what changes, and when, for the public.
 */
export function correctAnswerToYes(db: Db, { year, state, indicator }: { year: number; state: string; indicator: string }): void {
  withAudit(
    db,
    { userId: null, label: 'test', origin: 'cli' },
    (tx) =>
      tx
        .update(answers)
        .set({ answer: 'yes', source: `Rapport ${year} corrigé` })
        .where(and(eq(answers.year, year), eq(answers.state, state), eq(answers.indicator, indicator)))
        .run(),
    { reason: 'Erreur de saisie' },
  );
}
