import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
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
  return db.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      t.insert(auditContext).values(context).onConflictDoUpdate({ target: auditContext.id, set: context }).run();
      const result = write(t);
      t.delete(auditContext).run();
      return result;
    },
    { behavior: 'immediate' },
  );
}

/** The id of the latest audit entry (0 when there is none): a mark to find what was written after it. */
export function lastAuditId(db: Db): number {
  return db.select({ id: sql<number>`coalesce(max(${auditEntries.id}), 0)` }).from(auditEntries).get()!.id;
}

export type AuditEntry = typeof auditEntries.$inferSelect;

/** The latest entry among those `where` selects, or null. */
export function latestAuditEntry(db: Db, where: SQL | undefined): AuditEntry | null {
  return db.select().from(auditEntries).where(where).orderBy(desc(auditEntries.id)).limit(1).get() ?? null;
}

/** The entries of a (year, State) report: the report itself, its answers, its populations and its validation. */
export const reportAuditWhere = (year: number, state: string): SQL | undefined =>
  and(
    eq(auditEntries.year, year),
    eq(auditEntries.state, state),
    inArray(auditEntries.entity, ['report', 'answer', 'membership', 'validation']),
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

/** The version number a form carries for what `entry` (from `versionOf`) last changed. */
export const versionNumber = (entry: AuditEntry | null): number => entry?.id ?? 0;
