import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEntries, figures, releases } from '../../../db/schema';
import { readCatalogue } from '../../../server/domain/catalogue';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { appWithStaff, signedInAgent, type Agent } from '../../helpers/session';

const YEAR = 2026;
const URL = `/espace/chiffres/${YEAR}`;

/** The hidden fields of the figures form, read from the page as a browser would submit them. */
function formFields(html: string): { _csrf: string; version: string } {
  const form = fragment(html, `<form method="post" action="${URL}"`, '</form>');
  return {
    _csrf: /name="_csrf" value="([^"]+)"/.exec(form)![1]!,
    version: /name="version" value="([^"]*)"/.exec(form)![1]!,
  };
}

async function openForm(agent: Agent) {
  const page = await agent.get(URL).expect(200);
  return formFields(page.text);
}

const figureRows = (db: Db) => db.select().from(figures).where(eq(figures.year, YEAR)).orderBy(asc(figures.indicator)).all();
const figureAudit = (db: Db) => db.select().from(auditEntries).where(eq(auditEntries.entity, 'figure')).orderBy(asc(auditEntries.id)).all();

/** The value of the input `id` in a page. */
const inputValue = (html: string, id: string) =>
  new RegExp(`id="${id.replace(/\./g, '\\.')}" name="[^"]*" value="([^"]*)"`).exec(html)?.[1];

const setup = appWithStaff;

describe('figures per year (/espace/chiffres/:year)', () => {
  test('the form lists the figure and ratio indicators of the catalogue, with a denominator for ratios only, as valid HTML', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const page = await admin.get(URL).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const recorded = [...readCatalogue(db).indicatorByCode.values()].filter((i) => i.kind === 'figure' || i.kind === 'ratio');
    expect(recorded.map((i) => i.code).sort()).toEqual(['11.2', '12.2', '5.3', '5.4']);
    for (const indicator of recorded) {
      expect(page.text).toContain(`name="value:${indicator.code}"`);
      expect(page.text.includes(`name="denominator:${indicator.code}"`)).toBe(indicator.kind === 'ratio');
      expect(textOf(page.text)).toContain(indicator.text);
    }
    expect(page.text).toContain('Enregistrer les chiffres 2026');
    expect(formFields(page.text).version).toBe('0');
  });

  test('an admin saves figures with a decimal comma; the audit trail holds who, before and after; only changes are written', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const first = await openForm(admin);
    const saved = await admin
      .post(URL)
      .type('form')
      .send({
        ...first,
        'value:5.3': '12,5',
        'value:5.4': '30',
        'denominator:5.4': '1 200',
        'value:11.2': '',
        'value:12.2': ' 160 ',
        reason: '',
      })
      .expect(303);
    expect(saved.headers.location).toBe(URL);
    expect(figureRows(db)).toEqual([
      { year: YEAR, indicator: '12.2', value: 160, denominator: null },
      { year: YEAR, indicator: '5.3', value: 12.5, denominator: null },
      { year: YEAR, indicator: '5.4', value: 30, denominator: 1200 },
    ]);
    const inserts = figureAudit(db);
    expect(inserts).toHaveLength(3);
    const insert53 = inserts.find((e) => e.indicator === '5.3')!;
    expect(insert53).toMatchObject({ operation: 'insert', actor: 'admin@example.org', origin: 'web', year: YEAR, before: null });
    expect(JSON.parse(insert53.after!)).toEqual({ value: 12.5, denominator: null });

    const page = await admin.get(saved.headers.location!).expect(200);
    expect(textOf(page.text)).toContain('Enregistré : 3 modifications.');
    expect(inputValue(page.text, 'value-5.3')).toBe('12,5');
    expect(inputValue(page.text, 'denominator-5.4')).toBe('1200');
    expect(await htmlProblems(page.text)).toEqual([]);

    // Change 5.3, empty 5.4 (deletes it), leave 12.2 as it is.
    const second = formFields(page.text);
    expect(Number(second.version)).toBe(inserts.at(-1)!.id);
    await admin
      .post(URL)
      .type('form')
      .send({ ...second, 'value:5.3': '13,25', 'value:5.4': '', 'denominator:5.4': '', 'value:11.2': '', 'value:12.2': '160' })
      .expect(303)
      .expect('Location', URL);
    expect(textOf((await admin.get(URL)).text)).toContain('Enregistré : 2 modifications.');
    const after = figureAudit(db).slice(3);
    expect(after.map((e) => [e.indicator, e.operation])).toEqual(
      expect.arrayContaining([
        ['5.3', 'update'],
        ['5.4', 'delete'],
      ]),
    );
    expect(after).toHaveLength(2);
    const update = after.find((e) => e.indicator === '5.3')!;
    expect(JSON.parse(update.before!)).toEqual({ value: 12.5, denominator: null });
    expect(JSON.parse(update.after!)).toEqual({ value: 13.25, denominator: null });
    const removal = after.find((e) => e.indicator === '5.4')!;
    expect(JSON.parse(removal.before!)).toEqual({ value: 30, denominator: 1200 });
    expect(removal.after).toBeNull();
    expect(figureRows(db).map((r) => [r.indicator, r.value])).toEqual([
      ['12.2', 160],
      ['5.3', 13.25],
    ]);
  });

  test('members and observers read the figures without inputs to change them, and their saves are refused (403)', async () => {
    const { db, app } = await setup();
    for (const email of ['membre@example.org', 'observateur@example.org']) {
      const agent = await signedInAgent(app, email);
      const page = await agent.get(URL).expect(200);
      expect(await htmlProblems(page.text)).toEqual([]);
      expect(textOf(page.text)).toContain('Lecture seule');
      expect(page.text).not.toContain(`<form method="post" action="${URL}"`);
      expect(page.text).toMatch(/id="value-5\.3" name="value:5\.3" value="" aria-describedby="value-5\.3-hint" disabled>/);
      const refused = await agent
        .post(URL)
        .type('form')
        .send({ _csrf: await agent.csrf(), version: '0', 'value:5.3': '99' })
        .expect(403);
      expect(textOf(refused.text)).toContain('Votre rôle ne permet pas de modifier les chiffres.');
    }
    expect(figureRows(db)).toEqual([]);
    expect(figureAudit(db)).toEqual([]);
  });

  test('a visitor is sent to the sign-in page, and their save is refused', async () => {
    const { db, app } = await setup();
    const visitor = await signedInAgent(app, null);
    await visitor
      .get(URL)
      .expect(303)
      .expect('Location', `/connexion?retour=${encodeURIComponent(URL)}`);
    // A visitor has no session, hence no form token of the workspace (the sign-in form's is refused);
    // without any token either, refused before anything else.
    await visitor
      .post(URL)
      .type('form')
      .send({ _csrf: await visitor.csrf(), version: '0', 'value:5.3': '1' })
      .expect(403);
    await visitor.post(URL).type('form').send({ version: '0', 'value:5.3': '1' }).expect(403);
    expect(figureRows(db)).toEqual([]);
  });

  test('invalid numbers are named beside their fields, the typed values stay, and nothing is saved', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin);
    const response = await admin
      .post(URL)
      .type('form')
      .send({ ...fields, 'value:5.3': 'douze', 'value:11.2': '-3', 'value:12.2': '150', 'value:5.4': '10', 'denominator:5.4': '' })
      .expect(400);
    expect(await htmlProblems(response.text)).toEqual([]);
    const text = textOf(response.text);
    expect(text).toContain('Indicateur 5.3, valeur : nombre invalide « douze ».');
    expect(text).toContain('Indicateur 11.2, valeur : nombre négatif « -3 » : un nombre positif ou nul est attendu.');
    expect(text).toContain('Indicateur 5.4, dénominateur : un ratio a besoin d’un dénominateur');
    // Beside the field, linked to it, and in the summary with a link to the field.
    expect(response.text).toContain('<p class="field__error" id="value-5.3-error">');
    expect(response.text).toMatch(
      /id="value-5\.3" name="value:5\.3" value="douze" aria-invalid="true" aria-describedby="value-5\.3-hint value-5\.3-error"/,
    );
    expect(response.text).toContain('href="#value-11.2"');
    expect(response.text).toContain('href="#denominator-5.4"');
    expect(inputValue(response.text, 'value-11.2')).toBe('-3');
    expect(inputValue(response.text, 'value-12.2')).toBe('150');
    expect(inputValue(response.text, 'value-5.4')).toBe('10');
    expect(formFields(response.text).version).toBe(fields.version);
    expect(figureRows(db)).toEqual([]);
    expect(figureAudit(db)).toEqual([]);
  });

  test('a ratio with a denominator of 0, or a denominator without numerator, is refused', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin);
    const zero = await admin
      .post(URL)
      .type('form')
      .send({ ...fields, 'value:5.4': '3', 'denominator:5.4': '0', 'value:5.3': '7' })
      .expect(400);
    expect(textOf(zero.text)).toContain(
      'Indicateur 5.4, dénominateur : il ne peut pas être 0 (le pourcentage serait une division par zéro).',
    );
    expect(inputValue(zero.text, 'denominator-5.4')).toBe('0');
    const alone = await admin
      .post(URL)
      .type('form')
      .send({ ...fields, 'value:5.4': '', 'denominator:5.4': '12' })
      .expect(400);
    expect(textOf(alone.text)).toContain('Indicateur 5.4, numérateur : saisissez-le avec le dénominateur');
    expect(figureRows(db)).toEqual([]);
  });

  test('a save based on figures another admin changed meanwhile is refused (409), naming them, and the input stays', async () => {
    const { db, app } = await setup();
    const first = await signedInAgent(app, 'autre.admin@example.org');
    const second = await signedInAgent(app, 'admin@example.org');
    const firstForm = await openForm(first);
    const secondForm = await openForm(second);
    await first
      .post(URL)
      .type('form')
      .send({ ...firstForm, 'value:5.3': '40' })
      .expect(303);
    const conflict = await second
      .post(URL)
      .type('form')
      .send({ ...secondForm, 'value:5.3': '41,5', 'value:11.2': '2' })
      .expect(409);
    expect(await htmlProblems(conflict.text)).toEqual([]);
    const text = textOf(conflict.text);
    expect(text).toContain('modification concurrente');
    expect(text).toMatch(/Les chiffres de 2026 ont été modifiés par autre\.admin@example\.org le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}/);
    expect(text).toContain('Valeur enregistrée : 40.');
    expect(inputValue(conflict.text, 'value-5.3')).toBe('41,5');
    expect(inputValue(conflict.text, 'value-11.2')).toBe('2');
    expect(figureRows(db).map((r) => [r.indicator, r.value])).toEqual([['5.3', 40]]);
    // The page carries the new version: saving again is a deliberate choice, and goes through.
    const again = formFields(conflict.text);
    expect(Number(again.version)).toBe(figureAudit(db).at(-1)!.id);
    await second
      .post(URL)
      .type('form')
      .send({ ...again, 'value:5.3': '41,5', 'value:11.2': '2' })
      .expect(303);
    expect(figureRows(db).map((r) => [r.indicator, r.value])).toEqual([
      ['11.2', 2],
      ['5.3', 41.5],
    ]);
  });

  test('in a published year, a reason is required, and recorded with the change', async () => {
    const { db, app } = await setup();
    db.insert(releases).values({ year: YEAR, revision: 1, publishedAt: '2026-06-01T09:00:00.000Z' }).run();
    const admin = await signedInAgent(app, 'admin@example.org');
    const page = await admin.get(URL).expect(200);
    expect(textOf(page.text)).toContain('Obligatoire : l’année 2026 est publiée');
    const fields = formFields(page.text);
    const refused = await admin
      .post(URL)
      .type('form')
      .send({ ...fields, 'value:12.2': '155', reason: '  ' })
      .expect(400);
    expect(textOf(refused.text)).toContain('Raison de la modification : obligatoire, car l’année 2026 est publiée.');
    expect(refused.text).toMatch(/<textarea id="reason" name="reason" rows="3" required aria-invalid="true"/);
    expect(inputValue(refused.text, 'value-12.2')).toBe('155');
    expect(figureRows(db)).toEqual([]);

    await admin
      .post(URL)
      .type('form')
      .send({ ...fields, 'value:12.2': '155', reason: 'Résultat du vote corrigé (A/RES/80/…)' })
      .expect(303);
    const entry = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'figure'), eq(auditEntries.indicator, '12.2')))
      .get()!;
    expect(entry.reason).toBe('Résultat du vote corrigé (A/RES/80/…)');
    // Another year is not published: no reason needed there.
    const other = await admin.get('/espace/chiffres/2027').expect(200);
    expect(textOf(other.text)).toContain('Raison de la modification (facultative)');
  });

  test('a year outside the plan is a 400 with a French message', async () => {
    const { app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const response = await admin.get('/espace/chiffres/2031').expect(400);
    expect(textOf(response.text)).toContain('n’est pas une année du plan');
  });
});
