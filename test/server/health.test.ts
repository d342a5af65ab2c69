import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openDatabase, type Db } from '../../db/client';
import { testApp } from '../helpers/context';
import { writeDatabaseFile } from '../helpers/database-images';
import { useTempDir } from '../helpers/temp-dir';

jest.setTimeout(60_000);

const journal = JSON.parse(fs.readFileSync(path.join(__dirname, '../../db/migrations/meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};
const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('GET /healthz', () => {
  let file: string;
  let db: Db;
  // Closed before its folder goes (useTempDir's hook, declared after this one).
  afterEach(() => {
    if (db.$client.open) db.$client.close();
  });
  const dir = useTempDir('ops-health-');
  beforeEach(() => {
    file = dir.file('db.sqlite');
    // The seeded database built once for the run (test/helpers/database-images.ts), not seeded again per test.
    writeDatabaseFile('seeded', file);
    db = openDatabase(file);
  });

  test('200 with the version, the migrations applied and nothing personal', async () => {
    const { app } = testApp(db, { databasePath: file });
    const res = await request(app).get('/healthz').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toEqual({
      status: 'ok',
      version,
      build: null, // the sources, not the compiled bundle
      database: 'ok',
      migrations: { applied: journal.entries.length, expected: journal.entries.length, upToDate: true },
    });
  });

  test('503 once the database file is removed, though the open handle still reads', async () => {
    const { app } = testApp(db, { databasePath: file });
    await request(app).get('/healthz').expect(200);
    fs.rmSync(file);
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'missing' });
  });

  test('503 when another file has taken its place', async () => {
    const { app } = testApp(db, { databasePath: file });
    fs.renameSync(file, `${file}.old`);
    fs.copyFileSync(`${file}.old`, file);
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'replaced' });
  });

  test('503 when the connection no longer answers', async () => {
    const { app } = testApp(db, { databasePath: file });
    db.$client.close();
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'unreachable', migrations: { applied: null, upToDate: false } });
  });

  test('503 when a migration of this code is not applied to the database', async () => {
    const { app } = testApp(db, { databasePath: file });
    db.$client.exec('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body).toMatchObject({
      status: 'error',
      database: 'ok',
      migrations: { applied: journal.entries.length - 1, expected: journal.entries.length, upToDate: false },
    });
  });
});
