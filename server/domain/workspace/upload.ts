import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client';
import { lastAuditId, latestAuditEntryAfter, withAudit, type AuditEntry } from '../../../db/queries/audit';
import type { Catalogue } from '../catalogue';
import { isDemoDataLoaded } from '../../../db/queries/meta';
import { readReviewState } from '../stored-data';
import {
  deletePendingUpload,
  deletePendingUploadsBefore,
  insertPendingUpload,
  pendingUploadExists,
  readPendingUploadRow,
  renewPendingUpload,
} from '../../../db/queries/uploads';
import { viewerActor } from '../actor';
import { readCsvInSlices } from '../exchange/csv';
import { formatImportSummary, importFiles, type ImportInput, type ImportResult } from '../exchange/import';
import { MAX_ROWS_PER_SHEET, readWorkbook } from '../exchange/xlsx';
import type { Viewer } from '../permissions';
import type { ReviewState } from '../review';
import { assessChanges, previewChanges, type PreviewChange } from './upload-changes';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { countText } from '../../i18n/problem-text';

/** The bounds of an upload in the browser. */
export const UPLOAD_LIMITS = {
  /** Per file. */
  fileBytes: 5 * 1024 * 1024,
  files: 6,
  rowsPerSheet: MAX_ROWS_PER_SHEET,
  /** How long a preview can be confirmed. */
  pendingMs: 60 * 60 * 1000,
  /** Changes and problems listed on the preview (all are counted). */
  shown: 500,
  reasonLength: 2000,
} as const;

/** « 5 Mo », « 1,5 Mo », “1.5 MB”: one decimal at most, no grouping, English's decimal point. */
export const formatMegabytes = (bytes: number, locale: Locale = DEFAULT_LOCALE) => {
  const size = String(Math.round((bytes / 1024 / 1024) * 10) / 10);
  return t(locale, 'upload.megabytes', { size: locale === 'en' ? size : size.replace('.', ',') });
};

/** The language of an upload's messages: the uploader's, kept with their account (docs/i18n.md#the-workspace). */
const localeOf = (viewer: Viewer): Locale => viewer.locale ?? DEFAULT_LOCALE;

export interface UploadedFile {
  name: string;
  content: Buffer;
}

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What is wrong with the set of files itself, before any is read (messages in `locale`; empty when
 * fine): none, another format than CSV or XLSX, CSV files with a workbook, several workbooks, two
 * files of the same name.
 */
export function checkUploadedFiles(files: UploadedFile[], locale: Locale = DEFAULT_LOCALE): string[] {
  if (files.length === 0) return [t(locale, 'upload.check.none')];
  const messages: string[] = [];
  const quoted = (name: string) => t(locale, 'upload.check.quoted', { name });
  for (const file of files) {
    const extension = extensionOf(file.name);
    if (extension === 'csv' || extension === 'xlsx') continue;
    const spreadsheet = ['xls', 'ods', 'xlsm', 'numbers'].includes(extension);
    messages.push(t(locale, spreadsheet ? 'upload.check.notCsvOrXlsxSpreadsheet' : 'upload.check.notCsvOrXlsx', { name: file.name }));
  }
  const workbooks = files.filter((f) => extensionOf(f.name) === 'xlsx').map((f) => quoted(f.name));
  const csvs = files.filter((f) => extensionOf(f.name) === 'csv').map((f) => quoted(f.name));
  if (workbooks.length > 0 && csvs.length > 0) {
    messages.push(t(locale, 'upload.check.both', { workbooks: workbooks.join(', '), csvs: csvs.join(', ') }));
  } else if (workbooks.length > 1) {
    messages.push(t(locale, 'upload.check.severalWorkbooks', { workbooks: workbooks.join(', ') }));
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.name)) messages.push(t(locale, 'upload.check.sameName', { name: file.name }));
    seen.add(file.name);
  }
  return messages;
}

/**
 * The uploader as the journal records them: on the demonstration database their changes are
 * demonstration changes (origin « demo-upload »), deleted with the demonstration data by
 * `npm run demo:clear`.
 */
export const uploadActor = (db: Db, viewer: Viewer) => viewerActor(viewer, isDemoDataLoaded(db) ? 'demo-upload' : 'upload');

/** The files as `importFiles` takes them: CSV files as they are, a workbook as its sheets (named in `locale`). */
export async function readUploadedFiles(files: UploadedFile[], locale: Locale = DEFAULT_LOCALE): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const file of files) {
    if (extensionOf(file.name) === 'xlsx') for (const sheet of await readWorkbook(file.name, file.content, locale)) inputs.push(sheet);
    else {
      // Read here rather than by importFiles: by slices, the event loop free between them.
      const read = await readCsvInSlices(file.name, file.content);
      inputs.push(
        read.ok ? { name: file.name, table: read.table, problems: [] } : { name: file.name, table: null, problems: read.problems },
      );
    }
  }
  return inputs;
}

/** What an upload would do, for the preview page. */
export interface UploadPreview {
  /** Per file or sheet: « answers.csv (réponses) : 1 ajoutée, 0 modifiée, 2 inchangées ». */
  counts: string[];
  /** The import's problems (« file:line: column: message »), at most UPLOAD_LIMITS.shown. */
  errors: string[];
  totalErrors: number;
  /** The changes, at most UPLOAD_LIMITS.shown. */
  changes: PreviewChange[];
  totalChanges: number;
  /** What the viewer may not change: confirmation is impossible. */
  refusals: string[];
  /** Validated reports and published years the upload changes: a reason is required. */
  reasonNeeded: string[];
  /** The last audit entry when the preview was made. */
  auditMark: number;
  canConfirm: boolean;
}

function previewOf(result: ImportResult, viewer: Viewer, catalogue: Catalogue, review: ReviewState, auditMark: number): UploadPreview {
  if (!result.ok) {
    return {
      counts: [],
      errors: result.errors.slice(0, UPLOAD_LIMITS.shown),
      totalErrors: result.totalErrors,
      changes: [],
      totalChanges: 0,
      refusals: [],
      reasonNeeded: [],
      auditMark,
      canConfirm: false,
    };
  }
  const changes = result.summary.changes ?? [];
  const locale = localeOf(viewer);
  const { refusals, reasonNeeded } = assessChanges(changes, viewer, catalogue, review, result.summary.files, locale);
  return {
    counts: formatImportSummary({ ...result.summary, dryRun: false, published: null }, locale),
    errors: [],
    totalErrors: 0,
    changes: previewChanges(changes.slice(0, UPLOAD_LIMITS.shown), review, locale),
    totalChanges: changes.length,
    refusals,
    reasonNeeded,
    auditMark,
    canConfirm: refusals.length === 0 && changes.length > 0,
  };
}

/** Runs the import as a dry run, in one transaction, and describes what it would change. */
export async function dryRun(db: Db, viewer: Viewer, catalogue: Catalogue, files: UploadedFile[], now: Date): Promise<UploadPreview> {
  const inputs = await readUploadedFiles(files, localeOf(viewer));
  return withAudit(
    db,
    uploadActor(db, viewer),
    (tx) => {
      const auditMark = lastAuditId(tx);
      const review = readReviewState(tx);
      const result = importFiles(tx, inputs, { dryRun: true, collectChanges: true, now, intoDemo: true, locale: localeOf(viewer) });
      return previewOf(result, viewer, catalogue, review, auditMark);
    },
    { now },
  );
}

/**
 * Previews an upload: what it would change, or why it cannot be imported. When it can, the files are
 * kept (pending upload) for their uploader to confirm within UPLOAD_LIMITS.pendingMs; `id` names them.
 */
export async function previewUpload(
  db: Db,
  viewer: Viewer,
  catalogue: Catalogue,
  files: UploadedFile[],
  now: Date = new Date(),
): Promise<{ preview: UploadPreview; id: string | null }> {
  deleteExpiredUploads(db, now);
  const preview = await dryRun(db, viewer, catalogue, files, now);
  return { preview, id: preview.canConfirm ? keepUpload(db, viewer, files, preview, now) : null };
}

/** Keeps the files of a preview that can be confirmed (pending upload); returns its id. */
export function keepUpload(db: Db, viewer: Viewer, files: UploadedFile[], preview: UploadPreview, now: Date): string {
  const id = randomBytes(16).toString('hex');
  insertPendingUpload(db, id, { userId: viewer.id, createdAt: now.toISOString(), auditMark: preview.auditMark, files });
  return id;
}

export type ConfirmOutcome =
  | { kind: 'missing' }
  | { kind: 'not-yours' }
  /** Imported: the lines per file or sheet, and how many changes were written. */
  | { kind: 'done'; counts: string[]; totalChanges: number }
  /** The data changed since the preview: here is the new one (`id` null if it can no longer be confirmed). */
  | { kind: 'stale'; preview: UploadPreview; id: string | null; changedBy: AuditEntry | null }
  /** Nothing written: the preview again, with what prevents the import (refusals, errors, reason). */
  | { kind: 'refused'; preview: UploadPreview; id: string | null; reasonError: string | null };

class Abort extends Error {
  constructor(readonly outcome: ConfirmOutcome) {
    super('import annulé');
  }
}

/**
 * Confirms a previewed upload: imports its files for real, in one transaction recorded as the
 * viewer's (origin « upload ») with `reason`, unless the data changed since the preview (the new
 * preview is returned instead), the viewer may not make one of the changes, or a change touches
 * validated or published data and no reason is given. All or nothing; the pending upload is deleted
 * in the same transaction as the import.
 */
export async function confirmUpload(
  db: Db,
  viewer: Viewer,
  catalogue: Catalogue,
  id: string,
  rawReason: string,
  now: Date = new Date(),
): Promise<ConfirmOutcome> {
  const pending = readPendingUpload(db, id, now);
  if (pending === null) return { kind: 'missing' };
  if (pending.userId !== viewer.id) return { kind: 'not-yours' };
  const files = pending.files;
  const reason = rawReason.trim();

  if (reason.length > UPLOAD_LIMITS.reasonLength) {
    const preview = await dryRun(db, viewer, catalogue, files, now);
    return {
      kind: 'refused',
      preview,
      id: preview.canConfirm ? id : null,
      reasonError: t(localeOf(viewer), 'upload.reasonTooLong', {
        max: countText(UPLOAD_LIMITS.reasonLength, localeOf(viewer)),
        length: countText(reason.length, localeOf(viewer)),
      }),
    };
  }

  const inputs = await readUploadedFiles(files, localeOf(viewer));
  let outcome: ConfirmOutcome | 'stale';
  try {
    outcome = withAudit(
      db,
      uploadActor(db, viewer),
      (tx): ConfirmOutcome | 'stale' => {
        // Confirmed twice at once: the first one took it.
        if (!pendingUploadExists(tx, id)) return { kind: 'missing' };
        if (lastAuditId(tx) !== pending.auditMark) return 'stale';
        const review = readReviewState(tx);
        const result = importFiles(tx, inputs, { collectChanges: true, now, intoDemo: true, locale: localeOf(viewer) });
        const preview = previewOf(result, viewer, catalogue, review, pending.auditMark);
        if (!preview.canConfirm) throw new Abort({ kind: 'refused', preview, id: null, reasonError: null });
        if (preview.reasonNeeded.length > 0 && reason === '') {
          throw new Abort({
            kind: 'refused',
            preview,
            id,
            reasonError: t(localeOf(viewer), 'upload.reasonMissing'),
          });
        }
        deletePendingUpload(tx, id);
        return { kind: 'done', counts: preview.counts, totalChanges: preview.totalChanges };
      },
      { reason, now },
    );
  } catch (error) {
    if (!(error instanceof Abort)) throw error;
    if (error.outcome.kind === 'refused' && error.outcome.id === null) deletePendingUpload(db, id);
    return error.outcome;
  }
  if (outcome !== 'stale') return outcome;

  // Someone changed the data since the preview: show what the upload would do now.
  const changedBy = latestAuditEntryAfter(db, pending.auditMark);
  const preview = await dryRun(db, viewer, catalogue, files, now);
  if (preview.canConfirm) {
    renewPendingUpload(db, id, preview.auditMark, now.toISOString());
  } else {
    deletePendingUpload(db, id);
  }
  return { kind: 'stale', preview, id: preview.canConfirm ? id : null, changedBy };
}

/** Drops a pending upload, for its uploader only. */
export function cancelUpload(db: Db, viewer: Viewer, id: string, now: Date = new Date()): 'done' | 'missing' | 'not-yours' {
  const pending = readPendingUpload(db, id, now);
  if (pending === null) return 'missing';
  if (pending.userId !== viewer.id) return 'not-yours';
  deletePendingUpload(db, id);
  return 'done';
}

interface PendingUpload {
  userId: number;
  auditMark: number;
  files: UploadedFile[];
}

/** A pending upload not older than UPLOAD_LIMITS.pendingMs, or null. */
function readPendingUpload(db: Db, id: string, now: Date): PendingUpload | null {
  const row = readPendingUploadRow(db, id);
  if (!row || Date.parse(row.createdAt) + UPLOAD_LIMITS.pendingMs < now.getTime()) return null;
  return { userId: row.userId, auditMark: row.auditMark, files: row.files };
}

/**
 * Uploads previewed and never confirmed take room: gone, with their files (cascade), once they can
 * no longer be confirmed. Run at every upload, so no timer is needed: what one leaves is purged by
 * the next.
 */
export function deleteExpiredUploads(db: Db, now: Date): void {
  const limit = new Date(now.getTime() - UPLOAD_LIMITS.pendingMs).toISOString();
  deletePendingUploadsBefore(db, limit);
}
