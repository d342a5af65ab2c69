import { asc, eq, lt } from 'drizzle-orm';
import { inTransaction, type Db } from '../client';
import { pendingUploadFiles, pendingUploads } from '../schema';

/** An upload previewed and kept for its confirmation (server/domain/workspace/upload.ts). */
export interface PendingUploadRow {
  userId: number;
  auditMark: number;
  createdAt: string;
  files: { name: string; content: Buffer }[];
}

/** Keeps a previewed upload and its files, in one transaction. */
export function insertPendingUpload(db: Db, id: string, upload: PendingUploadRow): void {
  inTransaction(
    db,
    (tx) => {
      tx.insert(pendingUploads).values({ id, userId: upload.userId, createdAt: upload.createdAt, auditMark: upload.auditMark }).run();
      tx.insert(pendingUploadFiles)
        .values(upload.files.map((f, position) => ({ uploadId: id, position, name: f.name, content: f.content })))
        .run();
    },
    'deferred',
  );
}

export const pendingUploadExists = (db: Db, id: string): boolean =>
  db.select({ id: pendingUploads.id }).from(pendingUploads).where(eq(pendingUploads.id, id)).get() !== undefined;

/** A pending upload with its files in their order, or null. */
export function readPendingUploadRow(db: Db, id: string): PendingUploadRow | null {
  const row = db.select().from(pendingUploads).where(eq(pendingUploads.id, id)).get();
  if (!row) return null;
  const files = db
    .select({ name: pendingUploadFiles.name, content: pendingUploadFiles.content })
    .from(pendingUploadFiles)
    .where(eq(pendingUploadFiles.uploadId, id))
    .orderBy(asc(pendingUploadFiles.position))
    .all();
  return { userId: row.userId, auditMark: row.auditMark, createdAt: row.createdAt, files };
}

/** A kept upload previewed again: its new mark and time. */
export function renewPendingUpload(db: Db, id: string, auditMark: number, createdAt: string): void {
  db.update(pendingUploads).set({ auditMark, createdAt }).where(eq(pendingUploads.id, id)).run();
}

/** Drops a pending upload with its files (cascade). */
export function deletePendingUpload(db: Db, id: string): void {
  db.delete(pendingUploads).where(eq(pendingUploads.id, id)).run();
}

/** Drops the pending uploads kept before `limit` (ISO time), with their files. */
export function deletePendingUploadsBefore(db: Db, limit: string): void {
  db.delete(pendingUploads).where(lt(pendingUploads.createdAt, limit)).run();
}
