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
  return dataVersionKey(external, own, demo);
}

const dataVersionKey = (external: number, own: number, demo: string | null) => `${external}:${own}:${demo ?? ''}`;

/** What a signed-in request compares its kept answers with, read in one statement (one read transaction). */
export interface WorkspaceVersions {
  /** The same key as dataVersion(). */
  data: string;
  /** The meetings' counter (db/queries/meetings.ts, meetingsVersion()). */
  meetings: string;
  /**
   * Moves with any write at all: `total_changes()` with every row this connection changed (sessions and
   * users included, whatever the code or SQL that wrote them), `data_version` with another connection's
   * commit. What is read about sessions and users stays true while it does not move.
   */
  writes: string;
}

export function workspaceVersions(db: Db): WorkspaceVersions {
  const { own, external, demo, meetings, changes } = prepareOnce(
    db,
    `SELECT (SELECT coalesce(max(id), 0) FROM audit_entries) AS own, (SELECT data_version FROM pragma_data_version) AS external,
       (SELECT value FROM meta WHERE key = '${META.demoData}') AS demo,
       (SELECT value FROM meta WHERE key = '${META.meetingsVersion}') AS meetings, total_changes() AS changes`,
  ).get() as { own: number; external: number; demo: string | null; meetings: string | null; changes: number };
  return { data: dataVersionKey(external, own, demo), meetings: meetings ?? '', writes: `${external}:${changes}` };
}
