import type { Db } from '../../db/client';
import type { Catalogue } from '../domain/catalogue';
import type { Viewer } from '../domain/permissions';
import { confirmUpload, dryRun, type ConfirmOutcome, type UploadedFile, type UploadPreview } from '../domain/workspace/upload';

/**
 * What the upload's thread is asked to do: the dry run of a preview, or a confirmation. A preview's
 * pending upload is written by the server's own connection, not here: a commit from another
 * connection moves `pragma data_version`, which would make every page's data be rebuilt
 * (server/data-source.ts) for a change no page shows.
 */
export type UploadTask =
  | { kind: 'dry-run'; viewer: Viewer; files: UploadedFile[]; now: string }
  | { kind: 'confirm'; viewer: Viewer; id: string; reason: string; now: string };

/** Runs a task on a connection (the upload thread's own). */
export function runUploadTask(db: Db, catalogue: Catalogue, task: UploadTask): Promise<UploadPreview | ConfirmOutcome> {
  const now = new Date(task.now);
  return task.kind === 'dry-run'
    ? dryRun(db, task.viewer, catalogue, task.files, now)
    : confirmUpload(db, task.viewer, catalogue, task.id, task.reason, now);
}
