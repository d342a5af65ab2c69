import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { seededDatabase } from '../helpers/context';

jest.setTimeout(60_000);

interface LogLine {
  level: number;
  msg: string;
  req?: { id: string; method: string; path: string };
  res?: { status: number };
  responseTime?: number;
  err?: { message: string; stack: string };
}

function appWithLog() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const db = seededDatabase();
  const config = { ...readConfig({}), databasePath: ':memory:', demoData: false };
  const app = createApp({ db, config, logger: pino({ level: 'debug' }, stream) });
  return { app, db, lines };
}

describe('request log', () => {
  test('one line per request: method, path, status, time, request id (sent back as X-Request-Id)', async () => {
    const { app, lines } = appWithLog();
    const res = await request(app).get('/methodologie?year=2025').set('Cookie', 'sid=secret-session').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = lines.filter((line) => line.req?.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 30, req: { method: 'GET', path: '/methodologie' }, res: { status: 200 } });
    expect(mine[0]?.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(lines)).not.toContain('secret-session');
  });

  test('a path under a mounted router is logged whole, in the record and in its message', async () => {
    const { app, lines } = appWithLog();
    const res = await request(app).get('/espace/journal?etat=AFG');
    const line = lines.find((l) => l.req?.id === res.headers['x-request-id']);
    expect(line?.req?.path).toBe('/espace/journal');
    expect(line?.msg).toBe(`GET /espace/journal ${res.status} ${Math.round(line?.responseTime ?? -1)} ms`);
  });

  test('a request id from the proxy is kept when it looks like one, replaced otherwise', async () => {
    const { app } = appWithLog();
    expect((await request(app).get('/healthz').set('X-Request-Id', 'proxy-abc.123')).headers['x-request-id']).toBe('proxy-abc.123');
    const hostile = (await request(app).get('/healthz').set('X-Request-Id', '<script>alert(1)</script>')).headers['x-request-id'];
    expect(hostile).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a server error: its stack in the log, a French page for the user', async () => {
    const { app, db, lines } = appWithLog();
    db.$client.close();
    const res = await request(app).get('/').expect(500);
    expect(res.text).toContain('Une erreur inattendue est survenue');
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    const line = lines.find((l) => l.req?.id === res.headers['x-request-id']);
    expect(line).toMatchObject({ level: 50, res: { status: 500 } });
    expect(line?.err?.message).toContain('database connection is not open');
    expect(line?.err?.stack).toMatch(/\n\s+at /);
  });

  test('the API answers its errors in JSON, and the log has them too', async () => {
    const { app, db, lines } = appWithLog();
    db.$client.close();
    const res = await request(app).get('/api/v1/indicators').expect(500);
    expect(res.body).toEqual({ error: { status: 500, message: expect.stringContaining('erreur inattendue') } });
    expect(lines.find((l) => l.req?.id === res.headers['x-request-id'])?.err?.stack).toBeTruthy();
  });
});
