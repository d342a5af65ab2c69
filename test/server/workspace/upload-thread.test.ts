import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db } from '../../../db/client';
import { readCatalogue } from '../../../server/domain/catalogue';
import { dataVersion } from '../../../db/queries/engine-data';
import { answers, indicators, pendingUploads, states, users } from '../../../db/schema';
import { HttpError } from '../../../server/http-error';
import { UPLOAD_BUSY_MESSAGE, uploadRunner } from '../../../server/upload-worker/runner';
import { testApp } from '../../helpers/context';
import { writeDatabaseFile } from '../../helpers/database-images';
import { textOf } from '../../helpers/html';
import { createTestUser, signedInAgent } from '../../helpers/session';

// Uploads run in a worker thread on their own connection (server/upload-worker/runner.ts): that needs
// a database file, which the thread opens too.
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function fileDatabase(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-thread-'));
  dirs.push(dir);
  const file = path.join(dir, 'base.sqlite');
  // The seeded database built once for the run (test/helpers/database-images.ts).
  writeDatabaseFile('seeded', file);
  return { db: openDatabase(file), file };
}

/** A legitimate answers file of `count` rows: every State, every answerable indicator, year after year. */
function largeAnswersFile(db: Db, count: number): Buffer {
  const isos = db
    .select({ iso3: states.iso3 })
    .from(states)
    .all()
    .map((s) => s.iso3);
  const codes = db
    .select({ code: indicators.code })
    .from(indicators)
    .where(and(inArray(indicators.kind, ['share', 'count']), isNull(indicators.derivedFrom)))
    .all()
    .map((i) => i.code);
  const lines = ['year,state,indicator,answer,source,note'];
  outer: for (const year of [2025, 2026, 2027, 2028, 2029]) {
    for (const iso3 of isos) {
      for (const code of codes) {
        lines.push(`${year},${iso3},${code},${lines.length % 3 === 0 ? 'yes' : 'no'},Rapport ${year},`);
        if (lines.length > count) break outer;
      }
    }
  }
  if (lines.length <= count) throw new Error(`only ${lines.length - 1} rows possible`);
  return Buffer.from(lines.join('\n') + '\n');
}

const ROWS = 20_000;

describe('an upload runs off the server’s thread', () => {
  it('leaves public and signed-in pages answering while a large upload is checked, then shows its data at once', async () => {
    const { db, file } = fileDatabase();
    const { app } = testApp(db, { databasePath: file });
    await createTestUser(db, 'admin@example.org', 'admin');
    const admin = await signedInAgent(app, 'admin@example.org');
    const content = largeAnswersFile(db, ROWS);
    // The pages' data built once before, as on a running server.
    await Promise.all([request(app).get('/').expect(200), admin.get('/espace').expect(200)]);

    let uploading = true;
    const uploadStarted = Date.now();
    let uploadTook = 0;
    const upload = Promise.resolve(
      admin
        .post('/espace/import')
        .field('_csrf', await admin.csrf())
        .attach('fichiers', content, 'answers.csv'),
    ).finally(() => {
      uploading = false;
      uploadTook = Date.now() - uploadStarted;
    });

    // Pages asked for while the upload is read, checked and written in a dry run.
    const delays: number[] = [];
    const writeDelays: number[] = [];
    while (uploading) {
      const started = Date.now();
      const [publicPage, workspacePage] = await Promise.all([request(app).get('/'), admin.get('/espace')]);
      delays.push(Date.now() - started);
      expect(publicPage.status).toBe(200);
      expect(workspacePage.status).toBe(200);
      // A write on the server's connection meanwhile: done, or refused as busy, but at once — not
      // after waiting out the busy timeout (db/client.ts) for a lock the thread would hold.
      const writeStarted = Date.now();
      try {
        db.update(users).set({ role: 'admin' }).where(eq(users.email, 'admin@example.org')).run();
      } catch (error) {
        expect((error as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
      }
      writeDelays.push(Date.now() - writeStarted);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const preview = await upload;

    expect(preview.status).toBe(200);
    expect(textOf(preview.text)).toContain(`answers.csv (réponses) : ${ROWS} ajoutées, 0 modifiée, 0 inchangée`);
    // The dry run lasts seconds: pages were asked for many times meanwhile, and none waited for it.
    // Compared with the upload's own time in the same run, not with a wall-clock bound, which a busy
    // machine stretches: a page held up by work on the server's thread would take a good part of it.
    expect(delays.length).toBeGreaterThan(3);
    expect(Math.max(...delays)).toBeLessThan(uploadTook / 2);
    expect(Math.max(...writeDelays)).toBeLessThan(DEFAULT_BUSY_TIMEOUT_MS);
    expect(db.select().from(answers).all()).toHaveLength(0);

    // Confirmed, in the thread too: the server's connection sees the commit, and so do its pages.
    const versionBefore = dataVersion(db);
    const id = /action="\/espace\/import\/([0-9a-f]{32})\/confirmation"/.exec(preview.text)![1]!;
    const confirmed = await admin
      .post(`/espace/import/${id}/confirmation`)
      .type('form')
      .send({ _csrf: await admin.csrf(), motif: '' });
    expect(confirmed.status).toBe(200);
    expect(textOf(confirmed.text)).toContain(`answers.csv (réponses) : ${ROWS} ajoutées`);
    expect(db.select().from(answers).all()).toHaveLength(ROWS);
    expect(dataVersion(db)).not.toBe(versionBefore);
    expect(db.select().from(pendingUploads).all()).toHaveLength(0);
  }, 300_000);

  it('takes one upload at a time, and stops one that takes too long without writing anything', async () => {
    const { db } = fileDatabase();
    await createTestUser(db, 'admin@example.org', 'admin');
    const viewer = { id: 1, email: 'admin@example.org', role: 'admin' as const, mechanisms: [] };
    const files = [{ name: 'answers.csv', content: Buffer.from('year,state,indicator,answer,source,note\n2025,AFG,1.1,yes,,\n') }];
    const catalogue = readCatalogue(db);

    const runner = uploadRunner(db, { timeMs: 60_000, serverWaitMs: 250 });
    const first = runner.preview(viewer, catalogue, files);
    await expect(runner.preview(viewer, catalogue, files)).rejects.toMatchObject({ status: 503, message: UPLOAD_BUSY_MESSAGE });
    const { preview, id } = await first;
    expect(preview.totalChanges).toBe(1);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    // Free again once done.
    await expect(runner.preview(viewer, catalogue, files)).resolves.toMatchObject({ preview: { totalChanges: 1 } });
    const pendingBefore = db.select().from(pendingUploads).all().length;

    // Stopped before it could even start: nothing written.
    const hurried = uploadRunner(db, { timeMs: 1, serverWaitMs: 250 });
    const stopped = await hurried.preview(viewer, catalogue, files).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(HttpError);
    expect((stopped as HttpError).status).toBe(503);
    expect((stopped as HttpError).message).toContain('rien n’a été enregistré');
    expect(db.select().from(pendingUploads).all()).toHaveLength(pendingBefore);
    expect(db.select().from(answers).all()).toHaveLength(0);
  }, 120_000);
});
