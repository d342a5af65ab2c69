import request from 'supertest';
import { readCatalogue } from '../../server/domain/catalogue';
import { seededDatabase, testApp } from '../helpers/context';
import { htmlProblems } from '../helpers/html';

describe('home page', () => {
  const { app, db } = testApp();

  test('is valid HTML in French with one h1 and the layout landmarks', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    expect(await htmlProblems(res.text)).toEqual([]);
    expect(res.text).toMatch(/<html lang="fr">/);
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) expect(res.text).toContain(landmark);
    expect(res.text).toContain('href="#contenu"');
  });

  test('lists the eight sections with actions and every action with its indicators’ codes and texts', async () => {
    const res = await request(app).get('/').expect(200);
    const catalogue = readCatalogue(db);
    for (const section of catalogue.sections.filter((s) => s.actions.length)) {
      expect(res.text).toContain(`id="section-${section.number}"`);
    }
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');
    for (const action of catalogue.actions) {
      expect(res.text).toContain(`id="action-${action.number}"`);
      expect(res.text).toContain(escape(action.text));
      for (const indicator of action.indicators) {
        expect(res.text).toContain(
          `<a class="indicator__code" href="/indicators/${indicator.code}" aria-label="Indicateur ${indicator.code}">${indicator.code}</a>`,
        );
        expect(res.text).toContain(escape(indicator.text));
      }
    }
    expect(res.text).toContain('sa formulation est dérivée du texte de l’action 21');
    expect(res.text).toContain('<a href="#section-V">V. Relevé et déminage des zones minées</a>');
    expect(res.text).not.toMatch(/\[object Object\]|undefined|NaN/);
  });

  test('navigation leads to every section and committee, and the footer names the data source', async () => {
    const res = await request(app).get('/').expect(200);
    for (const number of ['II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']) expect(res.text).toContain(`href="/sections/${number}"`);
    for (const id of ['president', 'article5', 'victim-assistance', 'cooperation', 'compliance', 'coordination']) {
      expect(res.text).toContain(`href="/committees/${id}"`);
    }
    expect(res.text).toMatch(/article 7/);
  });

  test('sends a strict Content-Security-Policy without unsafe-inline', async () => {
    const res = await request(app).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle="/);
  });
});

describe('error pages', () => {
  test('an unknown address gets a French 404 page', async () => {
    const { app } = testApp();
    const res = await request(app).get('/nulle-part').expect(404);
    expect(res.text).toContain('Page introuvable');
    expect(await htmlProblems(res.text)).toEqual([]);
  });

  test('an unknown API address gets a JSON 404', async () => {
    const { app } = testApp();
    const res = await request(app).get('/api/v1/nothing').expect(404).expect('Content-Type', /json/);
    expect(res.body.error.status).toBe(404);
  });

  test('a server error gets a French 500 page without a stack trace', async () => {
    const db = seededDatabase();
    const { app } = testApp(db);
    db.$client.close();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await request(app).get('/').expect(500);
    spy.mockRestore();
    expect(res.text).toContain('Erreur du serveur');
    expect(res.text).not.toMatch(/at .*\.ts:\d+|TypeError|database connection is not open/);
  });
});
