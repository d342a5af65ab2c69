import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/client';
import type { Catalogue } from '../domain/catalogue';
import { HttpError } from '../http-error';
import type { Viewer } from '../domain/permissions';
import {
  confirmUpload,
  deleteExpiredUploads,
  keepUpload,
  previewUpload,
  type ConfirmOutcome,
  type UploadedFile,
  type UploadPreview,
} from '../domain/workspace/upload';
import type { UploadTask } from './task';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** The bounds of the upload's thread. */
export const UPLOAD_THREAD_LIMITS = {
  /** Past this, the thread is stopped and its transaction rolled back by SQLite. */
  timeMs: 2 * 60 * 1000,
  /**
   * How long a write on the server's connection waits for the lock while the thread runs: its
   * transaction holds the lock for seconds, and a write waiting the usual busy timeout would hold
   * the event loop as long; it fails sooner with SQLITE_BUSY (a « base occupée » answer).
   */
  serverWaitMs: 250,
} as const;

/** Why an upload is refused while another runs, in French (the refusal itself is in the uploader's language). */
export const UPLOAD_BUSY_MESSAGE = t(DEFAULT_LOCALE, 'upload.busy');

/** The uploader's language, kept with their account. */
const localeOf = (viewer: Viewer): Locale => viewer.locale ?? DEFAULT_LOCALE;

/**
 * The compiled server (dist/main.js) starts dist/upload-worker.js (scripts/build.mjs builds both).
 * From the sources (`npm run dev`, jest), the TypeScript file, compiled by tsx's require hook, which
 * the thread registers first (Node 20 does not apply `--import tsx` to a worker's entry file).
 */
function newThread(workerData: unknown): Worker {
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'upload-worker.js'), { workerData });
  const hook = JSON.stringify(require.resolve('tsx/cjs/api'));
  const entry = JSON.stringify(path.join(__dirname, 'thread.ts'));
  return new Worker(`require(${hook}).register(); require(${entry});`, { eval: true, workerData });
}

/** previewUpload and confirmUpload (server/domain/workspace/upload.ts), off the server's thread. */
export interface UploadRunner {
  preview(viewer: Viewer, catalogue: Catalogue, files: UploadedFile[], now?: Date): Promise<{ preview: UploadPreview; id: string | null }>;
  confirm(viewer: Viewer, catalogue: Catalogue, id: string, reason: string, now?: Date): Promise<ConfirmOutcome>;
}

/**
 * Runs uploads (the dry run of a preview, and confirmation) one at a time, off the server's thread (issue 13: no upload
 * may freeze the site): a worker thread with its own connection to the same database file, which,
 * in WAL mode, leaves the server's connection reading committed data meanwhile; its commit moves the
 * data version (`pragma data_version`) that the pages' cache follows (server/data-source.ts). A
 * second upload while one runs is refused (503). An in-memory database cannot be shared with a
 * thread: its uploads run on the server's connection.
 */
export function uploadRunner(db: Db, limits: { timeMs: number; serverWaitMs: number } = UPLOAD_THREAD_LIMITS): UploadRunner {
  let busy = false;
  /** Runs `work` unless another upload is running. */
  const alone = async <T>(viewer: Viewer, work: () => Promise<T>): Promise<T> => {
    if (busy) throw new HttpError(503, t(localeOf(viewer), 'upload.busyTitle'), t(localeOf(viewer), 'upload.busy'));
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };
  if (db.$client.memory) {
    return {
      preview: (viewer, catalogue, files, now) => alone(viewer, () => previewUpload(db, viewer, catalogue, files, now)),
      confirm: (viewer, catalogue, id, reason, now) => alone(viewer, () => confirmUpload(db, viewer, catalogue, id, reason, now)),
    };
  }
  return {
    preview: (viewer, _catalogue, files, now = new Date()) =>
      alone(viewer, async () => {
        deleteExpiredUploads(db, now);
        const preview = (await inThread(
          db,
          { kind: 'dry-run', viewer, files, now: now.toISOString() },
          limits,
          localeOf(viewer),
        )) as UploadPreview;
        return { preview, id: preview.canConfirm ? keepUpload(db, viewer, files, preview, now) : null };
      }),
    confirm: (viewer, _catalogue, id, reason, now = new Date()) =>
      alone(
        viewer,
        () =>
          inThread(
            db,
            { kind: 'confirm', viewer, id, reason, now: now.toISOString() },
            limits,
            localeOf(viewer),
          ) as Promise<ConfirmOutcome>,
      ),
  };
}

/** Runs a task in a new thread, the server's connection waiting `limits.serverWaitMs` at most for the lock meanwhile. */
async function inThread(
  db: Db,
  task: UploadTask,
  limits: { timeMs: number; serverWaitMs: number },
  locale: Locale,
): Promise<UploadPreview | ConfirmOutcome> {
  const usual = db.$client.pragma('busy_timeout', { simple: true }) as number;
  db.$client.pragma(`busy_timeout = ${Math.min(usual, limits.serverWaitMs)}`);
  try {
    return await thread(db.$client.name, task, limits.timeMs, locale);
  } finally {
    db.$client.pragma(`busy_timeout = ${Number(usual)}`);
  }
}

function thread(databasePath: string, task: UploadTask, timeMs: number, locale: Locale): Promise<UploadPreview | ConfirmOutcome> {
  return new Promise((resolve, reject) => {
    const worker = newThread({ databasePath, task });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(new HttpError(503, t(locale, 'upload.tooLongTitle'), t(locale, 'upload.tooLong', { seconds: Math.round(timeMs / 1000) }))),
      );
      void worker.terminate();
    }, timeMs);
    worker.on('message', (message: { ok: true; result: UploadPreview | ConfirmOutcome } | { ok: false; message: string }) =>
      settle(() => (message.ok ? resolve(message.result) : reject(new Error(`Fil de l’importation : ${message.message}`)))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`Le fil de l’importation s’est arrêté (code ${code}) sans réponse.`))));
  });
}
