import request from 'supertest';
import { publicCacheOf } from '../../../server/app';
import { testApp } from '../../helpers/context';
import { demoDatabase } from '../../helpers/pages';
import { createTestUser, csrfTokenOf, TEST_PASSWORD } from '../../helpers/session';

const { app } = testApp(demoDatabase(), { publicUrl: 'https://tableau.example.org' });

/** The local links and form targets of a page (href and action attributes starting with one slash). */
const localTargets = (html: string) => [...html.matchAll(/\s(?:href|action)="(\/(?!\/)[^"]*)"/g)].map((m) => m[1]!);

describe('addresses per language', () => {
  test.each([
    ['/', 'fr'],
    ['/en/', 'en'],
    ['/es/', 'es'],
    ['/en', 'en'],
    ['/en/actions/5', 'en'],
    ['/es/indicators/1.1', 'es'],
    ['/en/states/AFG', 'en'],
    ['/es/states/AFG', 'es'],
  ])('%s is served in %s', async (path, locale) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${locale}">`);
  });

  test('a page lists itself in every language, French as x-default, with the query it reads and no other', async () => {
    const res = await request(app).get('/es/actions/5?year=2025&utm_source=x');
    expect(res.status).toBe(200);
    const alternates = [...res.text.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([
      ['fr', 'https://tableau.example.org/actions/5?year=2025'],
      ['en', 'https://tableau.example.org/en/actions/5?year=2025'],
      ['es', 'https://tableau.example.org/es/actions/5?year=2025'],
      ['x-default', 'https://tableau.example.org/actions/5?year=2025'],
    ]);
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(res.text)![0];
    expect([...switcher.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/actions/5?year=2025',
      '/en/actions/5?year=2025',
      '/es/actions/5?year=2025',
    ]);
    expect(switcher).toMatch(/aria-current="true">Español</);
  });

  test('every local link of an English page stays in English, but files (a name with an extension) and the API', async () => {
    for (const path of ['/en/', '/en/actions/5', '/en/indicators/1.1', '/en/states/AFG']) {
      const res = await request(app).get(path);
      const targets = localTargets(res.text);
      expect(targets.length).toBeGreaterThan(10);
      // The switcher's links to the other languages are the only others.
      const switcher = localTargets(/<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(res.text)![0]);
      const file = /\/[^/?#]+\.[a-z][a-z0-9]*(\?|#|$)/i;
      const outside = targets.filter(
        (target) => !/^\/(en\/|static\/|api\/)/.test(target) && !file.test(target) && !switcher.includes(target),
      );
      expect({ path, outside }).toEqual({ path, outside: [] });
    }
  });

  test('the public cache keeps one entry per language', async () => {
    const fr = await request(app).get('/sections/V');
    const en = await request(app).get('/en/sections/V');
    expect(fr.headers.etag).toBeDefined();
    expect(en.headers.etag).toBeDefined();
    expect(en.headers.etag).not.toBe(fr.headers.etag);
    expect(publicCacheOf(app)!.keys()).toEqual(expect.arrayContaining(['/sections/V', '/en/sections/V']));
    // And each is sent again from the cache, in its language.
    const again = await request(app).get('/en/sections/V');
    expect(again.headers.etag).toBe(en.headers.etag);
    expect(again.text).toContain('<html lang="en">');
  });

  test('an unknown page is a 404 in the language of its address', async () => {
    const res = await request(app).get('/es/nowhere');
    expect(res.status).toBe(404);
    expect(res.text).toContain('<html lang="es">');
  });

  test('a redirect keeps the language', async () => {
    const res = await request(app).get('/en/espace');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/en/connexion?retour=${encodeURIComponent('/en/espace')}`);
  });
});

describe('the API’s language', () => {
  test('French by default, said in Content-Language and in the answer', async () => {
    const res = await request(app).get('/api/v1/catalogue');
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body.language).toBe('fr');
  });

  test.each(['en', 'es'])('?lang=%s answers in that language', async (lang) => {
    for (const path of ['/api/v1/catalogue', '/api/v1/indicators', '/api/v1/indicators/1.1', '/api/v1/states']) {
      const res = await request(app).get(`${path}?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-language']).toBe(lang);
      expect(res.body.language).toBe(lang);
    }
  });

  test('an unknown language is a 400 that names the languages offered', async () => {
    const res = await request(app).get('/api/v1/indicators?lang=de');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/« de ».*lang=fr, lang=en, lang=es/);
  });
});

describe('a member’s language', () => {
  test('is chosen in the workspace, kept with the account and used at the next sign-in', async () => {
    const { db, app: staffApp } = testApp(demoDatabase());
    await createTestUser(db, 'member@example.org', 'member', ['coordination']);
    const signIn = async (path: string) => {
      const agent = request.agent(staffApp);
      const form = await agent.get(path);
      expect(form.status).toBe(200);
      const posted = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrfTokenOf(form.text), email: 'member@example.org', password: TEST_PASSWORD, retour: '/espace' });
      expect(posted.status).toBe(303);
      return { agent, location: posted.headers.location! };
    };

    const first = await signIn('/connexion');
    expect(first.location).toBe('/espace');
    const home = await first.agent.get('/espace');
    expect(home.text).toContain('<html lang="fr">');
    expect(home.text).toContain('<h1>Espace de travail</h1>');
    const chosen = await first.agent
      .post('/espace/langue')
      .type('form')
      .send({ _csrf: csrfTokenOf(home.text), locale: 'en', retour: '/espace' });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.location).toBe('/en/espace');
    const refused = await first.agent
      .post('/espace/langue')
      .type('form')
      .send({ _csrf: csrfTokenOf(home.text), locale: 'de', retour: '/espace' });
    expect(refused.status).toBe(400);

    // Signed in again, from the French sign-in page: the workspace answers in English.
    const second = await signIn('/connexion');
    const french = await second.agent.get(second.location);
    expect(french.status).toBe(303);
    expect(french.headers.location).toBe('/en/espace');
    const english = await second.agent.get('/en/espace');
    expect(english.status).toBe(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('<h1>Workspace</h1>');
    expect(english.text).toContain('Sign out');
  });

  test('the English sign-in page signs in too (its form token’s cookie is on its own address)', async () => {
    const { db, app: staffApp } = testApp(demoDatabase());
    await createTestUser(db, 'observer@example.org', 'observer');
    const agent = request.agent(staffApp);
    const form = await agent.get('/en/connexion');
    expect(form.text).toContain('<html lang="en">');
    const posted = await agent
      .post('/en/connexion')
      .type('form')
      .send({ _csrf: csrfTokenOf(form.text), email: 'observer@example.org', password: TEST_PASSWORD, retour: '/en/states' });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe('/en/states');
  });
});
