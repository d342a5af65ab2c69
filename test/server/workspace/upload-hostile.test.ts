import { eq } from 'drizzle-orm';
import { answers, pendingUploadFiles, pendingUploads } from '../../../db/schema';
import { MAX_FIELDS, MAX_LINE_CHARS, MAX_RECORDS } from '../../../server/domain/exchange/csv';
import { MAX_REPORTED_PROBLEMS } from '../../../server/domain/exchange/problems';
import { ZIP_LIMITS } from '../../../server/domain/exchange/xlsx';
import { UPLOAD_LIMITS } from '../../../server/domain/workspace/upload';
import { testApp } from '../../helpers/context';
import { textOf } from '../../helpers/html';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';
import { lyingWorkbook } from '../../helpers/zip-bomb';

/**
 * Uploads built to hurt (issue 13, points 1, 3 and 9): each is refused with a French message naming
 * the file, in bounded memory, without taking the process down or holding other requests up.
 */

const ADMIN = 'admin@example.org';

async function fixture() {
  const context = testApp();
  await createTestUser(context.db, ADMIN, 'admin');
  return { ...context, admin: await signedInAgent(context.app, ADMIN) };
}

async function upload(agent: Agent, name: string, content: Buffer | string) {
  return agent
    .post('/espace/import')
    .field('_csrf', await agent.csrf())
    .attach('fichiers', Buffer.from(content), name);
}

/** How long a page takes to answer while `during` runs: the event loop must stay free meanwhile. */
async function answerTimeDuring(agent: Agent, during: Promise<unknown>): Promise<number> {
  // Let the upload reach the server and start being read.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const start = process.hrtime.bigint();
  const page = await agent.get('/espace/import');
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  expect(page.status).toBe(200);
  await during;
  return elapsed;
}

describe('hostile uploads', () => {
  test('a 5 Mo workbook declaring 100 bytes per part but inflating to 5 Gio is refused, naming it; the server still answers', async () => {
    const { admin } = await fixture();
    const bomb = await lyingWorkbook(5000);
    expect(bomb.length).toBeLessThanOrEqual(UPLOAD_LIMITS.fileBytes);

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const response = await upload(admin, 'bombe.xlsx', bomb);
    clearInterval(sampler);
    expect(response.status).toBe(422);
    expect(textOf(response.text)).toContain(
      `bombe.xlsx:1: fichier: impossible de lire le fichier (une partie du classeur (« xl/worksheets/sheet1.xml ») dépasse ${ZIP_LIMITS.entryBytes / 1024 / 1024} Mo une fois décompressée : découpez-le en plusieurs classeurs)`,
    );
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);

    // Still alive and answering.
    expect((await admin.get('/espace/import')).status).toBe(200);
  }, 120_000);

  test('a CSV header of 100 000 columns is refused at once, and other requests are answered meanwhile', async () => {
    const { admin } = await fixture();
    const header = Array.from({ length: 100_000 }, (_, i) => `colonne${i}`).join(',');
    const sending = upload(admin, 'large.csv', `${header}\n2025,AFG\n`);
    const elapsed = await answerTimeDuring(admin, sending);
    const response = await sending;
    expect(response.status).toBe(422);
    expect(textOf(response.text)).toMatch(/large\.csv:1: fichier: ligne de plus de 20\s000 caractères/);
    // Generous: before the fix the duplicate check alone held every request for about 30 s.
    expect(elapsed).toBeLessThan(3000);
  }, 120_000);

  test('more fields than any kind has, or a line longer than any real row, is refused on that line', async () => {
    const { admin } = await fixture();
    const wide = `year,state,indicator,answer\n2025,AFG,1.1,yes\n${'x,'.repeat(MAX_FIELDS)}x\n`;
    const wideResponse = await upload(admin, 'answers.csv', wide);
    expect(wideResponse.status).toBe(422);
    expect(textOf(wideResponse.text)).toMatch(
      new RegExp(`answers\\.csv:3: fichier: ${MAX_FIELDS + 1} champs sur cette ligne : au plus ${MAX_FIELDS}`),
    );

    const long = `year,state,indicator,answer,source,note\n2025,AFG,1.1,yes,${'a'.repeat(MAX_LINE_CHARS)},\n`;
    const longResponse = await upload(admin, 'answers.csv', long);
    expect(longResponse.status).toBe(422);
    expect(textOf(longResponse.text)).toMatch(/answers\.csv:2: fichier: ligne de plus de 20\s000 caractères/);
  }, 60_000);

  test('100 000 bad rows: the first problems are listed with the total count; one line more is refused on that line', async () => {
    const { db, admin } = await fixture();
    const rows = Array.from({ length: MAX_RECORDS }, () => 'x,y,z,w');
    const response = await upload(admin, 'answers.csv', ['year,state,indicator,answer', ...rows].join('\n') + '\n');
    expect(response.status).toBe(422);
    const text = textOf(response.text);
    // Four problems per row (year, state, indicator, answer): 400 000, of which the first are listed.
    expect(text).toMatch(/Import refusé : 400\s000 problèmes, rien n’a été écrit/);
    expect(text).toContain('answers.csv:2: year:');
    expect(text).toContain('answers.csv:2: state:');
    expect(text).toMatch(/… et 399\s500 autres problèmes, non affichés/);
    expect(MAX_REPORTED_PROBLEMS).toBeGreaterThanOrEqual(UPLOAD_LIMITS.shown);
    expect(db.select().from(answers).all()).toEqual([]);

    const tooLong = await upload(admin, 'answers.csv', ['year,state,indicator,answer', ...rows, ...rows].join('\n') + '\n');
    expect(tooLong.status).toBe(422);
    expect(textOf(tooLong.text)).toMatch(
      /Import refusé : 1 problème, rien n’a été écrit answers\.csv:100002: fichier: plus de 100\s000 lignes de données : découpez le fichier/,
    );
  }, 180_000);

  test('a pending upload keeps its files as bytes, and is purged with them an hour later at the next upload', async () => {
    const { db, admin } = await fixture();
    const content = 'year,state,received_on,used_reporting_guide\n2025,AFG,2025-04-28,yes\n';
    const first = await upload(admin, 'reports.csv', content);
    expect(first.status).toBe(200);
    const [pending] = db.select().from(pendingUploads).all();
    const stored = db.select().from(pendingUploadFiles).where(eq(pendingUploadFiles.uploadId, pending!.id)).all();
    expect(stored).toEqual([{ uploadId: pending!.id, position: 0, name: 'reports.csv', content: Buffer.from(content) }]);
    expect(Buffer.isBuffer(stored[0]!.content)).toBe(true);

    db.update(pendingUploads)
      .set({ createdAt: new Date(Date.now() - UPLOAD_LIMITS.pendingMs - 1000).toISOString() })
      .run();
    const second = await upload(admin, 'reports.csv', content.replace('AFG', 'COL'));
    expect(second.status).toBe(200);
    const left = db.select().from(pendingUploads).all();
    expect(left.map((p) => p.id)).not.toContain(pending!.id);
    expect(left).toHaveLength(1);
    expect(
      db
        .select()
        .from(pendingUploadFiles)
        .all()
        .map((f) => f.uploadId),
    ).toEqual([left[0]!.id]);
  }, 60_000);
});
