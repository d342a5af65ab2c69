import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEntries, users } from '../schema';
import { PLAN_YEARS, type AuditEntity } from '../codes';
import type { AuditEntry } from './audit';

export type { AuditEntity };
export type AuditOperation = AuditEntry['operation'];

/** What the journal is narrowed to; an absent field does not filter. */
export interface JournalFilter {
  year?: number;
  /** ISO3 code. */
  state?: string;
  /** Indicator code (answers and figures carry one). */
  indicator?: string;
  entity?: AuditEntity;
}

/** The order entries are listed in: by entry id, the order in which changes were committed. */
export type JournalOrder = 'newest' | 'oldest';

const byOrder = (order: JournalOrder) => (order === 'oldest' ? asc(auditEntries.id) : desc(auditEntries.id));

/**
 * The filter as one parameterised condition. A State alone is written as « year in the plan years
 * or null, and state = ? » so that SQLite can still use the (year, state) index, whose first column
 * is the year (a State's registry entries have no year; every other entry has a plan year).
 */
function journalWhere(filter: JournalFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.year !== undefined) conditions.push(eq(auditEntries.year, filter.year));
  if (filter.state !== undefined) {
    if (filter.year === undefined) conditions.push(or(inArray(auditEntries.year, [...PLAN_YEARS]), isNull(auditEntries.year)));
    conditions.push(eq(auditEntries.state, filter.state));
  }
  if (filter.indicator !== undefined) conditions.push(eq(auditEntries.indicator, filter.indicator));
  if (filter.entity !== undefined) conditions.push(eq(auditEntries.entity, filter.entity));
  return conditions.length ? and(...conditions) : undefined;
}

export interface JournalPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Entries matching the filter, on every page. */
  total: number;
}

/**
 * One page of the journal, newest first unless asked otherwise, and how many entries match in all.
 * Two queries: the page, and the count.
 */
export function readJournalPage(
  db: Db,
  filter: JournalFilter,
  page: { limit: number; offset: number },
  order: JournalOrder = 'newest',
): JournalPage {
  const where = journalWhere(filter);
  const entries = db.select().from(auditEntries).where(where).orderBy(byOrder(order)).limit(page.limit).offset(page.offset).all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(auditEntries)
    .where(where)
    .get()!.n;
  return { entries, total };
}

/** Every entry matching the filter, newest first unless asked otherwise (for the CSV download). */
export function readJournal(db: Db, filter: JournalFilter, order: JournalOrder = 'newest'): AuditEntry[] {
  return db.select().from(auditEntries).where(journalWhere(filter)).orderBy(byOrder(order)).all();
}

/** Whether the journal holds anything about a State (which may since have left the registry). */
export function journalMentionsState(db: Db, iso3: string): boolean {
  return (
    db
      .select({ id: auditEntries.id })
      .from(auditEntries)
      .where(journalWhere({ state: iso3 }))
      .limit(1)
      .get() !== undefined
  );
}

/**
 * The e-mail addresses of the users whose ids entries record as values (`validated_by` of
 * validations), so that the journal names them rather than showing a number.
 */
export function userEmailsOf(db: Db, entries: readonly AuditEntry[]): Map<number, string> {
  const ids = new Set<number>();
  for (const entry of entries) {
    if (entry.entity !== 'validation') continue;
    for (const json of [entry.before, entry.after]) {
      const id = json === null ? null : (JSON.parse(json) as { validated_by?: unknown }).validated_by;
      if (typeof id === 'number') ids.add(id);
    }
  }
  if (ids.size === 0) return new Map();
  const rows = db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .all();
  return new Map(rows.map((r) => [r.id, r.email]));
}
