import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as compression from '../../server/compression';
import { testApp } from '../helpers/context';
import { listen, type RawRequest, type RawResponse } from '../helpers/raw-http';
import { demoDatabase } from '../helpers/pages';
import { appWithStaff, signedInAgent } from '../helpers/session';

jest.setTimeout(60_000);

const decode = (res: RawResponse): Buffer => {
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(res.body);
    case 'gzip':
      return zlib.gunzipSync(res.body);
    case undefined:
      return res.body;
    default:
      throw new Error(`unexpected encoding ${res.headers['content-encoding']}`);
  }
};

const varyOf = (res: RawResponse) =>
  String(res.headers.vary ?? '')
    .split(/\s*,\s*/)
    .map((v) => v.toLowerCase());

describe('compressed responses from the public cache', () => {
  const { app } = testApp(demoDatabase());
  let get: RawRequest;
  let close: () => Promise<void>;
  beforeAll(async () => ({ request: get, close } = await listen(app)));
  afterAll(() => close());

  test.each(['/', '/api/v1/indicators', '/donnees/indicateurs.csv'])(
    '%s: brotli and gzip decode to the uncompressed body, each with its own ETag and 304',
    async (url) => {
      const identity = await get(url, { 'accept-encoding': 'identity' });
      expect(identity.status).toBe(200);
      expect(identity.headers['content-encoding']).toBeUndefined();
      const etags = new Set([identity.headers.etag]);

      for (const [accept, encoding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        // What browsers send: brotli is preferred, whatever the order.
        ['gzip, deflate, br, zstd', 'br'],
        ['br;q=0, gzip', 'gzip'],
      ] as const) {
        const res = await get(url, { 'accept-encoding': accept });
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.body.length).toBeLessThan(identity.body.length / 2);
        expect(Number(res.headers['content-length'])).toBe(res.body.length);
        expect(decode(res).equals(identity.body)).toBe(true);
        expect(varyOf(res)).toEqual(expect.arrayContaining(['cookie', 'accept-encoding']));
        expect(res.headers.etag).toMatch(encoding === 'br' ? /-br"$/ : /-gz"$/);
        etags.add(res.headers.etag);

        const notModified = await get(url, { 'accept-encoding': accept, 'if-none-match': res.headers.etag! });
        expect(notModified.status).toBe(304);
        expect(notModified.body.length).toBe(0);
        expect(notModified.headers.etag).toBe(res.headers.etag);
      }
      // One ETag per encoding: identity, br, gzip.
      expect(etags.size).toBe(3);
      // Another encoding's ETag does not match: the client gets the body it can read.
      const otherEncoding = await get(url, { 'accept-encoding': 'gzip', 'if-none-match': identity.headers.etag! });
      expect(otherEncoding.status).toBe(200);
      expect(decode(otherEncoding).equals(identity.body)).toBe(true);
    },
  );

  test('brotli’s quick copy is replaced in the background by a smaller one, under the same ETag', async () => {
    const identity = await get('/states/AFG', { 'accept-encoding': 'identity' });
    const quick = await get('/states/AFG', { 'accept-encoding': 'br' });
    let best = quick;
    // The best quality takes up to a few seconds of one core on a busy machine: wait for it, bounded.
    const deadline = Date.now() + 60_000;
    while (best.body.length >= quick.body.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      best = await get('/states/AFG', { 'accept-encoding': 'br' });
    }
    expect(best.body.length).toBeLessThan(quick.body.length);
    expect(best.headers.etag).toBe(quick.headers.etag);
    expect(decode(best).equals(identity.body)).toBe(true);
    expect((await get('/states/AFG', { 'accept-encoding': 'br', 'if-none-match': quick.headers.etag! })).status).toBe(304);
  }, 120_000);

  test('without Accept-Encoding the body goes uncompressed, still varying on it', async () => {
    const res = await get('/transparence');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toContain('<h1');
    expect(varyOf(res)).toContain('accept-encoding');
  });

  test('HEAD answers the same headers as GET, for each encoding, without a body', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const got = await get('/methodologie', { 'accept-encoding': accept });
      const head = await get('/methodologie', { 'accept-encoding': accept }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const header of ['etag', 'content-encoding', 'content-length', 'content-type', 'vary']) {
        expect(head.headers[header]).toEqual(got.headers[header]);
      }
    }
  });

  test('a body is compressed once per encoding, however many requests ask for it at once', async () => {
    const { app: fresh } = testApp();
    const spy = jest.spyOn(compression, 'compress');
    const server = await listen(fresh);
    try {
      const identity = await server.request('/states', { 'accept-encoding': 'identity' });
      const answers = await Promise.all(
        ['br', 'br', 'br', 'gzip', 'br', 'gzip'].map((encoding) => server.request('/states', { 'accept-encoding': encoding })),
      );
      const again = await Promise.all(['br', 'gzip'].map((encoding) => server.request('/states', { 'accept-encoding': encoding })));
      for (const res of [...answers, ...again]) {
        expect(['br', 'gzip']).toContain(res.headers['content-encoding']);
        expect(decode(res).equals(identity.body)).toBe(true);
      }
      // Other apps' bodies may be recompressed in the background meanwhile: count this one's.
      const calls = spy.mock.calls.filter(([body]) => body.equals(identity.body));
      const quick = calls.filter(([, encoding, quality]) => encoding === 'gzip' || quality === compression.BROTLI_QUALITY.quick);
      expect(quick.map(([, encoding]) => encoding).sort()).toEqual(['br', 'gzip']);
      // Besides, at most the one background recompression at brotli's best quality.
      expect(calls.length - quick.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });
});

describe('responses compressed on the fly', () => {
  let get: RawRequest;
  let close: () => Promise<void>;
  const { app } = testApp();
  beforeAll(async () => ({ request: get, close } = await listen(app)));
  afterAll(() => close());

  test.each([
    ['/static/css/site.css', path.join(__dirname, '..', '..', 'static', 'css', 'site.css')],
    ['/static/vendor/chart.js/chart.umd.min.js', path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js')],
  ])('%s, a static file, in brotli and gzip', async (url, file) => {
    const bytes = fs.readFileSync(file);
    for (const encoding of ['br', 'gzip']) {
      const res = await get(url, { 'accept-encoding': encoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(varyOf(res)).toContain('accept-encoding');
      expect(res.body.length).toBeLessThan(bytes.length / 2);
      expect(decode(res).equals(bytes)).toBe(true);
    }
  });

  test('a signed-in user’s page, never cached, is compressed too', async () => {
    const { app: staffApp } = await appWithStaff();
    const agent = await signedInAgent(staffApp, 'admin@example.org');
    for (const encoding of ['br', 'gzip']) {
      // supertest decodes the body: what it reads is the page.
      const res = await agent.get('/').set('Accept-Encoding', encoding).expect(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(res.text).toContain('admin@example.org');
      expect(res.headers.vary?.toLowerCase()).toContain('accept-encoding');
    }
    const workspace = await agent.get('/espace').set('Accept-Encoding', 'br').expect(200);
    expect(workspace.headers['content-encoding']).toBe('br');
  });
});
