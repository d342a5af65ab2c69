import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import type { Express } from 'express';
import { testApp } from '../helpers/context';
import { htmlProblems, textOf } from '../helpers/html';
import { INDICATOR_EXAMPLES, demoDatabase } from '../helpers/pages';

jest.setTimeout(120_000);

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string }; example?: unknown }> }>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, object> };
}

describe('the OpenAPI document and the API it describes', () => {
  let app: Express;
  let doc: Document;
  let ajv: Ajv2020;

  beforeAll(async () => {
    ({ app } = testApp(demoDatabase()));
    const res = await request(app)
      .get('/api/v1/openapi.json')
      .expect(200)
      .expect('Content-Type', /application\/json/);
    doc = res.body as Document;
    ajv = new Ajv2020({ strict: true, allErrors: true });
    // OpenAPI's own keyword beside JSON Schema's.
    ajv.addKeyword('example');
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
  });

  /** The schema of a status of an operation, as a reference ajv resolves. */
  function validatorFor(path: string, status: string) {
    const media = doc.paths[path]!.get.responses[status]!.content!['application/json']!;
    const ref = media.schema.$ref!;
    return { validate: ajv.getSchema(ref)!, example: media.example };
  }

  /** Validates a real answer against the document; returns ajv's errors (none expected). */
  async function check(url: string, path: string, status: number) {
    const res = await request(app).get(url).expect(status);
    const { validate } = validatorFor(path, String(status));
    const valid = validate(res.body);
    return { valid, errors: validate.errors ?? null, res };
  }

  test('is OpenAPI 3.1, with every public address of the API', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toBe('/api/v1');
    expect(Object.keys(doc.paths).sort()).toEqual(['/catalogue', '/indicators', '/indicators/{code}', '/openapi.json', '/states']);
  });

  test('every example of the document validates against its own schema', () => {
    let examples = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [status, response] of Object.entries(item.get.responses)) {
        const media = response.content?.['application/json'];
        if (!media?.schema.$ref) continue;
        // Every answer with a schema has its example.
        expect([path, status, media.example === undefined]).toEqual([path, status, false]);
        examples++;
        const { validate } = validatorFor(path, status);
        expect([path, status, validate(media.example), validate.errors ?? null]).toEqual([path, status, true, null]);
      }
    }
    // 200 of each of the four addresses, four 400s (year twice, lang twice) and a 404.
    expect(examples).toBe(9);
  });

  const CASES: [string, string, number][] = [
    ['/api/v1/catalogue', '/catalogue', 200],
    ['/api/v1/catalogue?lang=en', '/catalogue', 200],
    ['/api/v1/catalogue?lang=es', '/catalogue', 200],
    ['/api/v1/catalogue?lang=de', '/catalogue', 400],
    ['/api/v1/indicators/1.1?lang=es', '/indicators/{code}', 200],
    ['/api/v1/indicators/1.1?lang=EN', '/indicators/{code}', 400],
    ['/api/v1/indicators', '/indicators', 200],
    ['/api/v1/indicators?year=2025', '/indicators', 200],
    ['/api/v1/indicators?year=2029', '/indicators', 200],
    ['/api/v1/indicators?year=2031', '/indicators', 400],
    ['/api/v1/indicators?year=abc', '/indicators', 400],
    ...INDICATOR_EXAMPLES.map(({ code }): [string, string, number] => [`/api/v1/indicators/${code}`, '/indicators/{code}', 200]),
    ['/api/v1/indicators/99.9', '/indicators/{code}', 404],
    ['/api/v1/states', '/states', 200],
    ['/api/v1/states?year=2025', '/states', 200],
    ['/api/v1/states?year=1999', '/states', 400],
  ];
  test.each(CASES)('the real answer of %s validates against the document (%s, %s)', async (url, path, status) => {
    const { valid, errors } = await check(url, path, status);
    expect(errors).toBeNull();
    expect(valid).toBe(true);
  });

  test('the schemas refuse what the API must never send (the validation can fail)', () => {
    const { validate } = validatorFor('/indicators', '200');
    expect(validate({ year: 2025 })).toBe(false);
    const { validate: state } = validatorFor('/states', '200');
    expect(state({ year: 2025, demo: true, states: [{ iso3: 'afg' }] })).toBe(false);
  });

  test('public GET answers may be read by any site (CORS), with a preflight for conditional requests', async () => {
    for (const url of ['/api/v1/indicators', '/api/v1/openapi.json', '/donnees/indicateurs.csv']) {
      const res = await request(app).get(url).set('Origin', 'https://example.org').expect(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-expose-headers']).toContain('ETag');
    }
    const preflight = await request(app)
      .options('/api/v1/indicators')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'if-none-match')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    // Pages are not opened to other sites.
    expect((await request(app).get('/').expect(200)).headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the page /donnees/api is generated from the document: every address, parameter and field', async () => {
    const html = (await request(app).get('/donnees/api').expect(200)).text;
    expect(await htmlProblems(html)).toEqual([]);
    const text = textOf(html);
    for (const path of Object.keys(doc.paths)) expect(text).toContain(`GET /api/v1${path}`);
    expect(html).toContain('<code>indicators[].projection2029</code>');
    expect(html).toContain('<code>states[].report.receivedOn</code>');
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect((await request(app).get('/donnees/').expect(200)).text).toContain('href="/donnees/api"');
  });
});
