import request from 'supertest';
import { readCatalogue } from '../../server/domain/catalogue';
import { seededDatabase, testApp } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../helpers/html';

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

  test('lists the eight sections and every action compactly: a link to its page, its first words and its indicators by status', async () => {
    const res = await request(app).get('/').expect(200);
    const catalogue = readCatalogue(db);
    for (const section of catalogue.sections.filter((s) => s.actions.length)) {
      expect(res.text).toContain(`id="section-${section.number}"`);
    }
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');
    let cut = 0;
    for (const action of catalogue.actions) {
      const line = fragment(res.text, `<li class="action-line" id="action-${action.number}">`, '</li>');
      expect(hrefsOf(line)).toContain(`/actions/${action.number}`);
      // The action's beginning, word for word; its full text only when it is short.
      const words = action.text.replace(/\s+/g, ' ').split(' ');
      expect(line).toContain(escape(words.slice(0, 5).join(' ')));
      if (!line.includes(escape(action.text))) cut++;
      // Without report data every indicator is « sans comparaison ».
      expect(textOf(line)).toContain(
        `${action.indicators.length} indicateur${action.indicators.length === 1 ? '' : 's'} : 0 en progrès · 0 inchangés · 0 en recul · ${action.indicators.length} sans comparaison`,
      );
      // The indicators' texts are on the action's page, not here.
      for (const indicator of action.indicators) expect(line).not.toContain(escape(indicator.text));
    }
    // Most actions are long: the overview shows their beginning, their page the whole.
    expect(cut).toBeGreaterThan(catalogue.actions.length / 2);
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
