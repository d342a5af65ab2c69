import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { publicCacheOf } from '../../server/app';
import { readConfig } from '../../server/config';
import { seededDatabase, testApp } from '../helpers/context';

jest.setTimeout(60_000);

const cacheOf = (app: ReturnType<typeof testApp>['app']) => {
  const cache = publicCacheOf(app);
  if (!cache) throw new Error('no public cache');
  return cache;
};

const junk = () => randomBytes(6).toString('hex');

describe('what the public cache keys its entries on', () => {
  test('unknown query parameters make no entry and share the page’s ETag', async () => {
    const { app } = testApp();
    const cache = cacheOf(app);
    const home = await request(app).get('/').set('Accept-Encoding', 'identity').expect(200);
    const api = await request(app).get('/api/v1/catalogue').set('Accept-Encoding', 'identity').expect(200);
    const before = cache.stats();
    expect(before.entries).toBe(2);

    for (let i = 0; i < 40; i += 1) {
      const page = await request(app).get(`/?${junk()}=${junk()}&utm_source=${junk()}`).set('Accept-Encoding', 'identity').expect(200);
      expect(page.headers.etag).toBe(home.headers.etag);
      expect(page.text).toBe(home.text);
      const json = await request(app).get(`/api/v1/catalogue?${junk()}=1`).set('Accept-Encoding', 'identity').expect(200);
      expect(json.headers.etag).toBe(api.headers.etag);
    }
    expect(cache.stats()).toEqual(before);
    expect(cache.keys()).toEqual(['/', '/api/v1/catalogue']);
  });

  test('the year, which the pages read, still makes one entry per year; repeating it does not', async () => {
    const { app } = testApp();
    const cache = cacheOf(app);
    const y2025 = await request(app).get('/?year=2025').expect(200);
    const y2026 = await request(app).get('/?year=2026').expect(200);
    expect(y2025.headers.etag).not.toBe(y2026.headers.etag);
    expect(y2026.text).toMatch(/<option value="2026" selected>/);
    expect(cache.keys()).toEqual(['/?year=2025', '/?year=2026']);

    // The page sees the first value only, as the entry's key does.
    const repeated = await request(app).get(`/?year=2026&year=${junk()}&${junk()}=x`).expect(200);
    expect(repeated.headers.etag).toBe(y2026.headers.etag);
    const api2026 = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    const apiRepeated = await request(app).get('/api/v1/indicators?year=2026&year=2027').expect(200);
    expect(apiRepeated.body.year).toBe(2026);
    expect(apiRepeated.headers.etag).toBe(api2026.headers.etag);
    expect(cache.keys()).toEqual(['/?year=2025', '/?year=2026', '/api/v1/indicators?year=2026']);
  });

  test('the home page’s committee filter is a key too; an unknown committee is a 404, not an entry', async () => {
    const { app } = testApp();
    const cache = cacheOf(app);
    const all = await request(app).get('/').expect(200);
    const filtered = await request(app).get('/?comite=article5').expect(200);
    expect(filtered.headers.etag).not.toBe(all.headers.etag);
    await request(app).get(`/?comite=${junk()}`).expect(404);
    expect(cache.keys()).toEqual(['/', '/?comite=article5']);
  });

  test('another spelling of a path is answered, but not kept (the page shows its own URL)', async () => {
    const { app } = testApp();
    const cache = cacheOf(app);
    const canonical = await request(app).get('/sections/II').expect(200);
    for (const path of ['/sections/%49%49', '/SECTIONS/II', '/sections/II/']) {
      const other = await request(app).get(path).expect(200);
      expect(other.headers.etag).toBeUndefined();
      expect(other.headers['cache-control']).toBe('public, no-cache');
      expect(other.text).toContain('<h1');
    }
    expect(canonical.headers.etag).toBeDefined();
    expect(cache.keys()).toEqual(['/sections/II']);
  });
});

test('concurrent first requests for a page make one entry, counted once', async () => {
  const { app } = testApp();
  const cache = cacheOf(app);
  const answers = await Promise.all(Array.from({ length: 5 }, () => request(app).get('/states').set('Accept-Encoding', 'identity')));
  expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
  const { bytes } = cache.stats();
  const { app: single } = testApp();
  await request(single).get('/states').set('Accept-Encoding', 'identity').expect(200);
  expect(cacheOf(single).stats().bytes).toBe(bytes);
  expect(cache.keys()).toEqual(['/states']);
});

describe('the public cache’s bound', () => {
  /** What one year's home page weighs in the cache, uncompressed. */
  async function homeWeight(): Promise<number> {
    const { app } = testApp();
    await request(app).get('/?year=2025').set('Accept-Encoding', 'identity').expect(200);
    return cacheOf(app).stats().bytes;
  }

  test('holds at most its size in bytes, the least recently used page going first', async () => {
    const weight = await homeWeight();
    const maxBytes = Math.floor(weight * 2.5);
    const { app } = testApp(seededDatabase(), { publicCacheBytes: maxBytes });
    const cache = cacheOf(app);
    const get = (year: number) => request(app).get(`/?year=${year}`).set('Accept-Encoding', 'identity').expect(200);

    await get(2025);
    await get(2026);
    await get(2025); // used again: 2026 is now the least recently used
    expect(cache.keys()).toEqual(['/?year=2026', '/?year=2025']);
    await get(2027);
    expect(cache.keys()).toEqual(['/?year=2025', '/?year=2027']);
    for (const year of [2028, 2029, 2025, 2026]) {
      await get(year);
      const { bytes, entries } = cache.stats();
      expect(bytes).toBeLessThanOrEqual(maxBytes);
      expect(entries).toBe(2);
    }
  });

  test('counts the compressed copies, and a body larger than the bound is sent but not kept', async () => {
    const weight = await homeWeight();
    const { app } = testApp(seededDatabase(), { publicCacheBytes: Math.floor(weight * 1.5) });
    const cache = cacheOf(app);
    await request(app).get('/?year=2025').set('Accept-Encoding', 'identity').expect(200);
    const identityOnly = cache.stats().bytes;
    const gzipped = await request(app).get('/?year=2025').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(cache.stats().bytes).toBeGreaterThan(identityOnly);
    expect(cache.stats().bytes).toBeLessThanOrEqual(cache.stats().maxBytes);

    const { app: tiny } = testApp(seededDatabase(), { publicCacheBytes: 1000 });
    const page = await request(tiny).get('/').expect(200);
    expect(page.text).toContain('<h1');
    expect(cacheOf(tiny).stats()).toEqual({ entries: 0, bytes: 0, maxBytes: 1000 });
  });
});

describe('PUBLIC_CACHE_MB', () => {
  test('sets the bound in megabytes, 64 by default, and refuses what is not a size', () => {
    expect(readConfig({}).publicCacheBytes).toBe(64 * 1024 * 1024);
    expect(readConfig({ PUBLIC_CACHE_MB: '0.5' }).publicCacheBytes).toBe(512 * 1024);
    expect(readConfig({ PUBLIC_CACHE_MB: '0' }).publicCacheBytes).toBe(0);
    expect(() => readConfig({ PUBLIC_CACHE_MB: 'beaucoup' })).toThrow('PUBLIC_CACHE_MB doit être un nombre de mégaoctets positif ou nul');
    expect(() => readConfig({ PUBLIC_CACHE_MB: '-1' })).toThrow('PUBLIC_CACHE_MB');
  });
});
