import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { inTransaction, type Db } from '../client';
import { auditContext, auditEntries } from '../schema';

/** Who writes: a signed-in user, or a program (import from the command line, demonstration data…). */
export interface Actor {
  userId: number | null;
  /** As shown in the audit trail: an e-mail address, « import en ligne de commande »… */
  label: string;
  /** web, upload, cli, demo, seed. */
  origin: string;
}

export interface AuditOptions {
  reason?: string | null;
  now?: Date;
}

/**
 * Runs `write` in one immediate transaction with `actor` (and the reason) set for the audit
 * triggers, so that every change it makes is recorded as theirs. All or nothing: if `write`
 * throws, nothing it wrote remains, audit entries included.
 */
export function withAudit<T>(db: Db, actor: Actor, write: (tx: Db) => T, options: AuditOptions = {}): T {
  const context = {
    id: 1,
    userId: actor.userId,
    actor: actor.label,
    origin: actor.origin,
    reason: options.reason?.trim() || null,
    at: (options.now ?? new Date()).toISOString(),
  };
  return inTransaction(db, (tx) => {
    tx.insert(auditContext).values(context).onConflictDoUpdate({ target: auditContext.id, set: context }).run();
    const result = write(tx);
    tx.delete(auditContext).run();
    return result;
  });
}

/** The id of the latest audit entry (0 when there is none): a mark to find what was written after it. */
export function lastAuditId(db: Db): number {
  return db
    .select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)` })
    .from(auditEntries)
    .get()!.id;
}

export type AuditEntry = typeof auditEntries.$inferSelect;

/** The entries written after `mark` (from `lastAuditId`), oldest first. */
export const auditEntriesAfter = (db: Db, mark: number): AuditEntry[] =>
  db.select().from(auditEntries).where(gt(auditEntries.id, mark)).orderBy(asc(auditEntries.id)).all();

/** The latest entry among those `where` selects, or null. */
export function latestAuditEntry(db: Db, where: SQL | undefined): AuditEntry | null {
  return db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.id)).limit(1).get() ?? null;
}

/** The latest entry written after `mark` (from `lastAuditId`), or null. */
export const latestAuditEntryAfter = (db: Db, mark: number): AuditEntry | null => latestAuditEntry(db, gt(auditEntries.id, mark));

/** The entries of a (year, State) report: the report itself, its answers, its populations and its validation. */
export const reportAuditWhere = (year: number, state: string): SQL | undefined =>
  and(
    eq(auditEntries.year, year),
    eq(auditEntries.state, state),
    inArray(auditEntries.entity, ['report', 'answer', 'membership', 'validation']),
  );

/** The latest changes of a (year, State) report (its row, answers, populations and validation), newest first. */
export const recentReportEntries = (db: Db, year: number, state: string, limit: number): AuditEntry[] =>
  db.select().from(auditEntries).where(reportAuditWhere(year, state)).orderBy(desc(auditEntries.id)).limit(limit).all();

/** The entry that recorded a (year, State) report's validation, or null. */
export const validationEntry = (db: Db, year: number, state: string): AuditEntry | null =>
  latestAuditEntry(
    db,
    and(
      eq(auditEntries.entity, 'validation'),
      eq(auditEntries.operation, 'insert'),
      eq(auditEntries.year, year),
      eq(auditEntries.state, state),
    ),
  );

/**
 * Versions for the optimistic check of forms: the id of the latest audit entry of what a form
 * edits (0 if never changed). A form carries the version it was built from; a save is refused
 * when the version has moved since, and the entry says who changed it and when.
 */
export const versionOf = {
  /** A (year, State) report: the report itself, its answers, its populations and its validation. */
  report: (db: Db, year: number, state: string) => latestAuditEntry(db, reportAuditWhere(year, state)),
  /** The figures of a year. */
  figures: (db: Db, year: number) => latestAuditEntry(db, and(eq(auditEntries.entity, 'figure'), eq(auditEntries.year, year))),
  /** A State of the registry. */
  state: (db: Db, iso3: string) => latestAuditEntry(db, and(eq(auditEntries.entity, 'state'), eq(auditEntries.state, iso3))),
};
