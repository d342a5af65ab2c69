import { prepareOnce } from './prepared';
import type { Db } from '../client';
import { META } from './meta';

/**
 * A key that changes whenever the data may have changed: `data_version` moves when another
 * connection (an import, a command) commits; the latest audit entry moves with every change this
 * connection makes to the data, since the audit triggers record them all. Not `total_changes()`:
 * sessions, sign-ins and rolled-back previews write too, and would empty every cache for nothing.
 * The demonstration flag is part of the key too. (The catalogue tables are not audited: the seed
 * loads them at start, before the first view.)
 */
export function dataVersion(db: Db): string {
  const { own, external, demo } = prepareOnce(
    db,
    `SELECT (SELECT coalesce(max(id), 0) FROM audit_entries) AS own, (SELECT data_version FROM pragma_data_version) AS external,
       (SELECT value FROM meta WHERE key = '${META.demoData}') AS demo`,
  ).get() as { own: number; external: number; demo: string | null };
  return `${external}:${own}:${demo ?? ''}`;
}
