import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { answers, figures, populationMemberships, reports, states } from '../../../db/schema';
import { syncTable, type SyncCounts } from '../../../db/sync';
import type { ExchangeKind } from './kinds';
import type { StateRow, ValidFile } from './validate';

export interface FileCounts {
  file: string;
  kind: ExchangeKind;
  added: number;
  changed: number;
  unchanged: number;
}


/**
 * Writes validated files: inserts new rows, updates rows whose values differ, never deletes
 * (an import adds to what is there). States files go first so the others can name new States.
 * The caller provides the transaction.
 */
export function applyFiles(db: Db, files: ValidFile[], now: string): FileCounts[] {
  const ordered = [...files.filter((f) => f.kind === 'states'), ...files.filter((f) => f.kind !== 'states')];
  const counts = new Map<ValidFile, FileCounts>();
  for (const file of ordered) {
    const c = applyFile(db, file, now);
    counts.set(file, { file: file.file, kind: file.kind, added: c.inserted, changed: c.updated, unchanged: c.unchanged });
  }
  // Reported in the order the user gave the files.
  return files.map((f) => counts.get(f)!);
}

function applyFile(db: Db, file: ValidFile, now: string): SyncCounts {
  switch (file.kind) {
    case 'states':
      return applyStates(db, file.rows, now);
    case 'populations':
      return syncTable(db, populationMemberships, file.rows, { key: ['year', 'state', 'population'] });
    case 'reports':
      return syncTable(db, reports, file.rows, { key: ['year', 'state'] });
    case 'answers':
      // An absent source or note column leaves the stored one alone: drop undefined properties so
      // syncTable neither compares nor writes them.
      return syncTable(
        db,
        answers,
        file.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined))),
        { key: ['year', 'state', 'indicator'] },
      );
    case 'figures':
      return syncTable(db, figures, file.rows, { key: ['year', 'indicator'] });
  }
}

/**
 * States are written here rather than with syncTable: syncTable leaves a user-edited State alone,
 * whereas an import is the user's edit. A State the import changes gets `editedAt`, so that the
 * seed no longer overrides it; an unchanged State keeps its marker as it was.
 */
function applyStates(db: Db, rows: StateRow[], now: string): SyncCounts {
  const counts: SyncCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  for (const row of rows) {
    const current = db.select().from(states).where(eq(states.iso3, row.iso3)).get();
    const next = {
      nameFr: row.nameFr,
      nameEn: row.nameEn,
      party: row.party,
      partyFrom: row.partyFrom === undefined ? (current?.partyFrom ?? null) : row.partyFrom,
      partyUntil: row.partyUntil === undefined ? (current?.partyUntil ?? null) : row.partyUntil,
    };
    if (!current) {
      db.insert(states).values({ iso3: row.iso3, ...next, editedAt: now }).run();
      counts.inserted++;
    } else if ((Object.keys(next) as (keyof typeof next)[]).some((k) => current[k] !== next[k])) {
      db.update(states).set({ ...next, editedAt: now }).where(eq(states.iso3, row.iso3)).run();
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return counts;
}
