import request from 'supertest';
import type { Express } from 'express';
import { decodeAttribute } from '../../server/site-export/references';
import { testApp } from '../helpers/context';
import { htmlProblems, textOf } from '../helpers/html';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(120_000);

const PUBLIC_URL = 'https://tableau.example.org';

/** The directives of a Content-Security-Policy header, by name. */
function csp(header: string | undefined): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

/** Text as the browser reads it (Handlebars writes `=` as &#x3D;). */
const decode = decodeAttribute;

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('embeds and share cards', () => {
  let app: Express;
  beforeAll(() => {
    ({ app } = testApp(demoDatabase(), { publicUrl: PUBLIC_URL }));
  });

  const EMBEDS = ['/embed/indicators/1.1', '/embed/indicators/5.4', '/embed/actions/5', '/embed/transparence'];

  test.each(EMBEDS)('%s may be framed by any site, is valid HTML, and links back', async (url) => {
    const res = await request(app).get(url).expect(200);
    expect(csp(res.headers['content-security-policy']).get('frame-ancestors')).toBe('*');
    expect(csp(res.headers['content-security-policy']).get('script-src')).toBe("'self'");
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(await htmlProblems(res.text)).toEqual([]);
    // No header, no navigation, no form: only the figure and its source.
    expect(res.text).not.toContain('site-header');
    expect(res.text).not.toContain('<form');
    expect(res.text).toMatch(/<a href="\/(indicators|actions|transparence)[^"]*" target="_blank" rel="noopener">/);
    expect(textOf(res.text)).toMatch(/publiées le \d/);
  });

  test('the indicator embed shows the value with n / N and the chart', async () => {
    const html = (await request(app).get('/embed/indicators/1.1').expect(200)).text;
    const api = (await request(app).get('/api/v1/indicators/1.1').expect(200)).body as {
      years: { year: number; numerator: number; denominator: number }[];
    };
    const latest = api.years.filter((y) => y.denominator !== null).at(-1)!;
    expect(textOf(html)).toContain(`${latest.numerator} / ${latest.denominator}`);
    expect(html).toContain('<canvas data-chart=');
  });

  test('every other page keeps frame-ancestors none and X-Frame-Options', async () => {
    for (const url of ['/', '/indicators/1.1', '/actions/5', '/transparence', '/donnees/', '/embed', '/embedded/indicators/1.1']) {
      const res = await request(app).get(url);
      expect([url, csp(res.headers['content-security-policy']).get('frame-ancestors')]).toEqual([url, "'none'"]);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  test.each([
    ['/indicators/1.1', '/embed/indicators/1.1', '/partage/indicators/1.1/carte.png'],
    ['/actions/5', '/embed/actions/5', '/partage/actions/5/carte.png'],
    ['/transparence', '/embed/transparence', '/partage/transparence/carte.png'],
  ])('%s offers « Intégrer » with the iframe code and share meta pointing at its card', async (page, embed, card) => {
    const html = (await request(app).get(page).expect(200)).text;
    expect(await htmlProblems(html)).toEqual([]);
    const code = decode(/<textarea id="code-integration"[^>]*>([^<]*)<\/textarea>/.exec(html)![1]!);
    expect(code).toMatch(
      new RegExp(
        `^<iframe src="${PUBLIC_URL}${embed.replace(/\./g, '\\.')}" title="[^"]+" width="100%" height="\\d+" loading="lazy"></iframe>$`,
      ),
    );
    const meta = (property: string) => decode(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(html)?.[1] ?? '');
    expect(meta('og:image')).toBe(`${PUBLIC_URL}${card}`);
    expect(meta('twitter:image')).toBe(`${PUBLIC_URL}${card}`);
    expect(meta('og:url')).toBe(`${PUBLIC_URL}${page}`);
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:title')).not.toBe('');
    expect(meta('og:description')).not.toBe('');
  });

  test('the share card is a 1200 × 630 PNG, rendered once per release', async () => {
    const cards = new Map<string, Buffer>();
    for (const url of ['/partage/indicators/1.1/carte.png', '/partage/indicators/5.4/carte.png', '/partage/transparence/carte.png']) {
      const res = await request(app).get(url).buffer(true).parse(binary).expect(200).expect('Content-Type', 'image/png');
      const png = res.body as Buffer;
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      cards.set(url, png);
      const again = await request(app).get(url).expect(200);
      expect(again.headers.etag).toBe(res.headers.etag);
      await request(app).get(url).set('If-None-Match', res.headers.etag!).expect(304);
    }
    // Each card says something of its own.
    expect(new Set([...cards.values()].map((b) => b.toString('base64'))).size).toBe(3);
    await request(app).get('/partage/indicators/99.9/carte.png').expect(404);
    await request(app).get('/embed/indicators/99.9').expect(404);
  });
});
