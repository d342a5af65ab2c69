import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { testApp } from '../../helpers/context';
import { demoDatabase } from '../../helpers/pages';
import { fragment } from '../../helpers/html';
import { get, spawnServer, stopServer, waitUntilServing, type ServerProcess } from '../../helpers/server-process';
import { useTempDir } from '../../helpers/temp-dir';

// Real processes on a busy machine: the first may compile the server, and seeding takes seconds.
jest.setTimeout(180_000);

const PORT = 3144;

describe('the production start (npm start: compiled server)', () => {
  let server: ServerProcess;
  // Stopped before its folder goes (useTempDir's hook, declared after this one).
  afterEach(() => stopServer(server));
  const dir = useTempDir('ops-production-');

  test('serves pages from dist/ and logs one JSON line per request', async () => {
    server = spawnServer({ PORT: String(PORT), DATABASE_PATH: dir.file('db.sqlite'), LOG_LEVEL: 'info', DEMO_DATA: 'on' });
    await waitUntilServing(server, PORT, 150_000);

    const home = await get(PORT, '/?year=2025');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<!DOCTYPE html>');
    expect((await get(PORT, '/static/vendor/chart.js/chart.umd.js')).status).toBe(200);
    expect((await get(PORT, '/static/nope.css')).status).toBe(404);

    // The compiled bundle says which build it is; the sources (tsx) say null.
    const health = JSON.parse((await get(PORT, '/healthz')).body) as { build: string | null };
    expect(health.build).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../dist/build.json'), 'utf8'))).toMatchObject({
      buildId: health.build,
    });

    // The world map from the geometry the build projected (dist/world-geometry.json) draws the same
    // shapes as the sources projecting it themselves (the demonstration data: a map needs figures).
    const shapes = (html: string) =>
      [...fragment(html, '<svg class="world-map__svg"', '</svg>').matchAll(/ d="([^"]+)"/g)].map((m) => m[1]).sort();
    const compiled = shapes((await get(PORT, '/indicators/1.1')).body);
    expect(compiled.length).toBeGreaterThan(150);
    expect(compiled).toEqual(shapes((await request(testApp(demoDatabase()).app).get('/indicators/1.1').expect(200)).text));

    const requestId = home.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    const lines = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as { req?: { id: string; method: string; path: string }; res?: { status: number }; responseTime?: number },
      );
    const homeLine = lines.find((line) => line.req?.id === requestId);
    expect(homeLine).toMatchObject({ req: { method: 'GET', path: '/' }, res: { status: 200 } });
    expect(typeof homeLine?.responseTime).toBe('number');
    // No query string, header or cookie in the log.
    expect(JSON.stringify(homeLine)).not.toContain('year=2025');
    expect(JSON.stringify(homeLine)).not.toContain('cookie');
  });

  test('SIGTERM: refuses new connections, finishes the request under way, exits 0', async () => {
    server = spawnServer({ PORT: String(PORT), DATABASE_PATH: dir.file('db.sqlite') });
    await waitUntilServing(server, PORT, 150_000);

    // A request under way: headers sent, half of its body still to come, as from a slow client.
    const body = 'email=a%40example.org&password=xxxxxxxx';
    const socket = net.connect(PORT, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /connexion HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));

    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(server.child.exitCode).toBeNull();
    await expect(get(PORT, '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    // write, not end: a client that half-closes its side gives up its request.
    socket.write(body.slice(10));
    await closed;
    // The form has no CSRF token: a French 403 page, answered in full.
    expect(response).toMatch(/^HTTP\/1\.1 403 /);
    expect(response).toContain('Formulaire expiré');
    expect(await server.exited).toBe(0);
  });
});
