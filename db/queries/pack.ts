import { asc, gte, inArray, and } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEntries } from '../schema';
import type { PackEntry } from '../../server/domain/meetings/pack';

/** The entries the Coordinating Committee's pack reads: changes to the data the engine computes from, and validations. */
const PACK_ENTITIES = ['answer', 'report', 'membership', 'figure', 'state', 'validation'] as const;

/**
 * Every such audit entry at or after a moment (ISO timestamp; null: since the trail began), oldest
 * first, in one query: the pack finds in them what happened in its window and undoes them to see
 * the data as it stood at the window's start and end.
 */
export function auditEntriesSince(db: Db, from: string | null): PackEntry[] {
  const entity = inArray(auditEntries.entity, [...PACK_ENTITIES]);
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      actor: auditEntries.actor,
      entity: auditEntries.entity,
      operation: auditEntries.operation,
      year: auditEntries.year,
      state: auditEntries.state,
      indicator: auditEntries.indicator,
      before: auditEntries.before,
      after: auditEntries.after,
    })
    .from(auditEntries)
    .where(from === null ? entity : and(entity, gte(auditEntries.at, from)))
    .orderBy(asc(auditEntries.id))
    .all();
}
