// The upload's thread (server/upload-worker/runner.ts starts it): reads, checks and writes an upload on
// its own connection to the database file, so that the server's event loop stays free meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { readCatalogue } from '../domain/catalogue';
import { runUploadTask, type UploadTask } from './task';

interface Input {
  databasePath: string;
  task: UploadTask;
}

async function main(): Promise<void> {
  const { databasePath, task } = workerData as Input;
  // Buffers arrive as plain Uint8Arrays: the readers expect Buffers.
  if (task.kind === 'dry-run') {
    task.files = task.files.map((f) => ({
      name: f.name,
      content: Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength),
    }));
  }
  const db = openDatabase(databasePath);
  try {
    const result = await runUploadTask(db, readCatalogue(db), task);
    parentPort!.postMessage({ ok: true, result });
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
