import type { Db } from '../../../db/client';
import { writeKindRows } from '../../../db/queries/data-kinds';
import { fieldOf, kindDef, type ExchangeKind } from '../data-kinds';
import type { ValidFile } from './validate';

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
 * Rows the seed also writes (States) are marked edited when the import inserts or changes them:
 * an import is the user's edit, and the seed then leaves them alone. The caller provides the
 * transaction.
 */
export function applyFiles(db: Db, files: ValidFile[], now: string): FileCounts[] {
  const ordered = [...files.filter((f) => f.kind === 'states'), ...files.filter((f) => f.kind !== 'states')];
  const counts = new Map<ValidFile, FileCounts>();
  for (const file of ordered) {
    const def = kindDef(file.kind);
    // A column the file left out is undefined: drop it, so that the stored value is neither compared nor written.
    const rows = (file.rows as object[]).map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
    const c = writeKindRows(db, file.kind, rows, def.key.map(fieldOf), def.marksEdited ? now : undefined);
    counts.set(file, { file: file.file, kind: file.kind, added: c.inserted, changed: c.updated, unchanged: c.unchanged });
  }
  // Reported in the order the user gave the files.
  return files.map((f) => counts.get(f)!);
}
