import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { answers, auditEntries, reports } from '../../../db/schema';
import { readCatalogue } from '../../../server/domain/catalogue';
import { testApp } from '../../helpers/context';
import { browserFields } from '../../helpers/form-fields';
import { fragment, hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { demoDatabase } from '../../helpers/pages';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';

/**
 * The report form in parts (issue 16, point 3): each part saved on its own button, through real
 * HTTP on a real SQLite database, the page's fields sent as a browser sends them.
 */

jest.setTimeout(120_000);

const ADMIN = 'uaa@example.org';
const ADMIN_2 = 'uaa2@example.org';
const formPath = (year: number, iso3: string) => `/espace/saisie/${year}/${iso3}`;

/** The key of the form's part holding an indicator (`section-N`), from the catalogue. */
function sectionOf(db: Db, code: string): string {
  const catalogue = readCatalogue(db);
  const action = catalogue.indicatorByCode.get(code)!.action;
  return `section-${catalogue.sections.find((s) => s.actions.includes(action))!.number}`;
}

/** Submits the page's form as a browser does when the button of part `section` is pressed. */
function press(agent: Agent, html: string, year: number, iso3: string, section: string, changes: Record<string, string> = {}) {
  return agent
    .post(formPath(year, iso3))
    .type('form')
    .send({ ...browserFields(html, formPath(year, iso3)), ...changes, section });
}

const storedAnswers = (db: Db, year: number, state: string) =>
  db
    .select()
    .from(answers)
    .where(and(eq(answers.year, year), eq(answers.state, state)))
    .orderBy(asc(answers.indicator))
    .all()
    .map((a) => [a.indicator, a.answer, a.source, a.note]);
const storedReport = (db: Db, year: number, state: string) =>
  db
    .select()
    .from(reports)
    .where(and(eq(reports.year, year), eq(reports.state, state)))
    .get() ?? null;
const auditCount = (db: Db) => db.select().from(auditEntries).all().length;

async function setup(db?: Db) {
  const { db: database, app } = testApp(db);
  await createTestUser(database, ADMIN, 'admin');
  await createTestUser(database, ADMIN_2, 'admin');
  return { db: database, app };
}

describe('the report form, part by part', () => {
  test('the form’s own navigation of its parts leaves the site header’s sections and committees in place', async () => {
    const { db, app } = await setup(demoDatabase());
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get(formPath(2026, 'KHM')).expect(200);
    const header = fragment(page.text, '<header', '</header>');
    const catalogue = readCatalogue(db);
    // Every section and committee of the catalogue, as on every other page (the form once hid them: its
    // parts' navigation had the layout's name).
    const sections = catalogue.sections.filter((s) => s.actions.length > 0);
    expect(sections.length).toBeGreaterThan(5);
    for (const section of sections) expect(hrefsOf(header)).toContain(`/sections/${section.number}`);
    expect(hrefsOf(header).filter((href) => href.startsWith('/committees/'))).toHaveLength(catalogue.mechanisms.length);
    const parts = fragment(page.text, '<nav class="entry-nav"', '</nav>');
    expect(hrefsOf(parts).length).toBeGreaterThan(2);
  });

  test('saving one part writes that part only; what the other parts hold unsaved is shown back, then saved with their own button', async () => {
    const { db, app } = await setup();
    // Two indicators in two different parts (checked, so that the test means what it says).
    const [first, second] = ['10.1', '11.1'];
    expect(sectionOf(db, first)).not.toBe(sectionOf(db, second));
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get(formPath(2026, 'COL')).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const typed = {
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      [`answer:${first}`]: 'yes',
      [`note:${first}`]: 'Note de la première partie',
      [`answer:${second}`]: 'no',
      [`source:${second}`]: 'Déclaration à la réunion intersessions',
    };
    const before = auditCount(db);
    const saved = await press(agent, page.text, 2026, 'COL', sectionOf(db, first), typed);

    // Only the first part is written: one answer, with the pre-filled source; no report, no second answer.
    expect(saved.status).toBe(200);
    expect(storedAnswers(db, 2026, 'COL')).toEqual([[first, 'yes', 'Rapport article 7 2026', 'Note de la première partie']]);
    expect(storedReport(db, 2026, 'COL')).toBeNull();
    expect(auditCount(db) - before).toBe(1);
    // The page says so, and keeps what the other parts hold.
    const status = textOf(fragment(saved.text, '<p class="form-message form-message--success" role="status">', '</p>'));
    expect(status).toContain('enregistrée : 1 modification.');
    expect(status).toContain('« Rapport »');
    expect(status).toContain('ont des modifications non enregistrées');
    expect(saved.text).toMatch(/name="received_on" value="2026-03-14"/);
    expect(saved.text).toMatch(new RegExp(`name="answer:${second.replace('.', '\\.')}" value="no" checked`));
    expect(await htmlProblems(saved.text)).toEqual([]);

    // The second part from the page shown back: its answer only.
    const secondSaved = await press(agent, saved.text, 2026, 'COL', sectionOf(db, second));
    expect(secondSaved.status).toBe(200);
    expect(storedAnswers(db, 2026, 'COL')).toEqual([
      [first, 'yes', 'Rapport article 7 2026', 'Note de la première partie'],
      [second, 'no', 'Déclaration à la réunion intersessions', null],
    ]);
    expect(storedReport(db, 2026, 'COL')).toBeNull();

    // Then the report part: nothing else is left unsaved, so the usual redirect, to the part saved.
    const reportSaved = await press(agent, secondSaved.text, 2026, 'COL', 'rapport');
    expect(reportSaved.status).toBe(303);
    expect(reportSaved.headers.location).toBe('/espace/saisie/2026/COL#partie-rapport');
    expect(storedReport(db, 2026, 'COL')).toMatchObject({ receivedOn: '2026-03-14', usedReportingGuide: true });
    expect(storedAnswers(db, 2026, 'COL')).toHaveLength(2);
    const after = await agent.get(formPath(2026, 'COL')).expect(200);
    expect(textOf(fragment(after.text, '<p class="form-message form-message--success" role="status">', '</p>'))).toBe(
      '« Rapport » enregistrée : 1 modification.',
    );
  });

  test('a part saved with a stale version is refused (409), nothing written, what was typed kept', async () => {
    const { db, app } = await setup();
    const one = await signedInAgent(app, ADMIN);
    const two = await signedInAgent(app, ADMIN_2);
    const pageOne = await one.get(formPath(2026, 'COL')).expect(200);
    const pageTwo = await two.get(formPath(2026, 'COL')).expect(200);
    // The second person saves another part in between.
    expect((await press(two, pageTwo.text, 2026, 'COL', 'rapport', { received_on: '2026-04-01', used_reporting_guide: 'no' })).status).toBe(
      303,
    );
    const stored = storedAnswers(db, 2026, 'COL');
    const before = auditCount(db);

    const refused = await press(one, pageOne.text, 2026, 'COL', sectionOf(db, '10.1'), {
      'answer:10.1': 'blank',
      'note:10.1': 'Saisie de la première personne',
    });
    expect(refused.status).toBe(409);
    expect(storedAnswers(db, 2026, 'COL')).toEqual(stored);
    expect(auditCount(db)).toBe(before);
    expect(refused.text).toContain('>Saisie de la première personne</textarea>');
    expect(refused.text).toMatch(/name="answer:10\.1" value="blank" checked/);
    const conflict = textOf(fragment(refused.text, '<div class="form-message form-message--error" role="alert"', '</div>'));
    expect(conflict).toContain(`par ${ADMIN_2}`);
    // The focus goes to the message (no script: autofocus), and the page carries the new version.
    expect(refused.text).toMatch(/role="alert" tabindex="-1" autofocus/);
    expect(await htmlProblems(refused.text)).toEqual([]);
    // Saving again is a deliberate choice: the part is written; the report part, shown as this person
    // last saw it beside what is stored now, is left as the other person saved it.
    const again = await press(one, refused.text, 2026, 'COL', sectionOf(db, '10.1'));
    expect(again.status).toBe(200);
    expect(storedAnswers(db, 2026, 'COL')).toEqual([['10.1', 'blank', 'Rapport article 7 2026', 'Saisie de la première personne']]);
    expect(storedReport(db, 2026, 'COL')).toMatchObject({ receivedOn: '2026-04-01' });
  });

  test('an error in the part saved: the summary (focused) links to the field; an error elsewhere does not stop the save', async () => {
    const { db, app } = await setup();
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get(formPath(2026, 'COL')).expect(200);
    const refused = await press(agent, page.text, 2026, 'COL', 'rapport', { received_on: '2099-01-01', used_reporting_guide: 'yes' });
    expect(refused.status).toBe(400);
    const summary = fragment(refused.text, '<div class="error-summary"', '</div>');
    expect(summary).toContain('autofocus');
    expect(hrefsOf(summary)).toEqual(['#received_on']);
    expect(storedReport(db, 2026, 'COL')).toBeNull();

    // The same wrong date, while another part is saved: that part is written, the date shown back unsaved.
    const other = await press(agent, page.text, 2026, 'COL', sectionOf(db, '10.1'), { received_on: '2099-01-01', 'answer:10.1': 'no' });
    expect(other.status).toBe(200);
    expect(storedAnswers(db, 2026, 'COL')).toEqual([['10.1', 'no', 'Rapport article 7 2026', null]]);
    expect(other.text).toMatch(/name="received_on" value="2099-01-01"/);
    expect(storedReport(db, 2026, 'COL')).toBeNull();
  });

  test('a part the form does not have is refused with a message, nothing written', async () => {
    const { db, app } = await setup();
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get(formPath(2026, 'COL')).expect(200);
    const before = auditCount(db);
    const refused = await press(agent, page.text, 2026, 'COL', 'toString', { 'answer:10.1': 'yes' });
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('Le formulaire n’a pas de section « toString » : rien n’a été enregistré.');
    expect(auditCount(db)).toBe(before);
  });

  test('the summary and each part count what the database holds: oui, non, non traité dans le rapport, pas encore saisi', async () => {
    const { db, app } = await setup(demoDatabase());
    // The State with the most answers in 2026 in the demonstration data.
    const byState = new Map<string, number>();
    for (const a of db.select().from(answers).where(eq(answers.year, 2026)).all()) byState.set(a.state, (byState.get(a.state) ?? 0) + 1);
    const iso3 = [...byState].sort((a, b) => b[1] - a[1])[0]![0];
    const rows = db
      .select()
      .from(answers)
      .where(and(eq(answers.year, 2026), eq(answers.state, iso3)))
      .all();
    const count = (value: string) => rows.filter((r) => r.answer === value).length;
    expect(rows.length).toBeGreaterThan(0);

    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get(formPath(2026, iso3)).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const summary = textOf(fragment(page.text, '<section class="entry-summary"', '</section>'));
    expect(summary).toContain(`${count('yes')} oui · ${count('no')} non · ${count('blank')} non traité`);

    // Part by part: the indicators offered on the page, those answered in the database, the missing ones linked.
    const catalogue = readCatalogue(db);
    const answered = new Map(rows.map((r) => [r.indicator, r.answer]));
    let offeredTotal = 0;
    let missingTotal = 0;
    for (const section of catalogue.sections) {
      const key = `section-${section.number}`;
      if (!page.text.includes(`id="partie-${key}"`)) continue;
      const html = fragment(page.text, `id="partie-${key}"`, '</section>');
      const codes = [...html.matchAll(/<div class="entry-indicator" id="indicateur-([0-9.]+)">/g)].map((m) => m[1]!);
      const entered = codes.filter((c) => answered.has(c));
      const outside = [...html.matchAll(/n’est pas dans la population de cet indicateur/g)].length;
      expect(outside).toBe(0);
      expect(textOf(html)).toContain(`Enregistré : ${entered.length} / ${codes.length} (`);
      const row = fragment(page.text, `<th scope="row"><a href="#partie-${key}">`, '</tr>');
      expect(hrefsOf(row).slice(1)).toEqual(codes.filter((c) => !answered.has(c)).map((c) => `#indicateur-${c}`));
      // The navigation, in view beside the form, says the same.
      expect(textOf(fragment(page.text, `<li><a href="#partie-${key}">`, '</li>'))).toContain(`${entered.length} / ${codes.length}`);
      offeredTotal += codes.length;
      missingTotal += codes.length - entered.length;
    }
    expect(offeredTotal).toBeGreaterThan(0);
    expect(summary).toContain(`${missingTotal} pas encore saisi`);
    expect(summary).toContain(`sur ${offeredTotal} indicateur`);
  });
});
