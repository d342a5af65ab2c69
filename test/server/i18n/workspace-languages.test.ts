import request from 'supertest';
import type { Locale } from '../../../server/i18n/locale';
import { foreignPhrases } from '../../helpers/foreign-phrases';
import { htmlProblems, textOf } from '../../helpers/html';
import { YEAR, meetingApp } from '../meetings/fixture';
import { csrfTokenOf, TEST_PASSWORD, localePrefix, memberIn, type Agent } from '../../helpers/session';

/**
 * The workspace in the member's language (issue 17, docs/i18n.md#the-workspace): a member whose
 * account says English or Spanish gets the workspace's pages, forms, messages, meetings, briefing
 * cards and the Coordinating Committee's pack in it, with no phrase of another language's message
 * file left on the page.
 */

jest.setTimeout(120_000);

/** A page in `locale`: its `lang`, valid HTML, and no phrase of another language's message file. */
async function pageIn(agent: Agent, locale: Locale, path: string, status = 200) {
  const response = await agent.get(`/${locale}${path}`).expect(status);
  expect(response.text).toContain(`<html lang="${locale}"`);
  expect({ path, foreign: foreignPhrases(textOf(response.text), locale) }).toEqual({ path, foreign: [] });
  return response.text;
}

/** Creates a meeting through the form, in the member's language; its address (without the language prefix). */
async function createMeeting(agent: Agent, locale: Locale, fields: Record<string, string>): Promise<string> {
  const response = await agent
    .post(`${localePrefix(locale)}/espace/reunions`)
    .type('form')
    .send({ _csrf: await agent.csrf(), ...fields })
    .expect(303);
  const location = response.headers.location!;
  expect(location.startsWith(`${localePrefix(locale)}/espace/reunions/`)).toBe(true);
  return location.slice(localePrefix(locale).length).replace(/[?#].*$/, '');
}

const MEETING = {
  kind: 'intersessional',
  title: 'Intersessional meetings 2026',
  startsOn: '2026-06-16',
  endsOn: '2026-06-19',
  place: 'Geneva, CICG',
  year: String(YEAR),
  agenda: '',
  sittings: '2026-06-16 10:00-13:00',
  speakersFrom: 'population',
};

describe('the workspace in English and Spanish', () => {
  test('a member whose account is in English: home, journal, meetings, plan, briefing cards and pack in English', async () => {
    const { app } = await meetingApp();
    const member = await memberIn(app, 'membre@example.org', 'en');

    // The French address sends them to their language.
    const french = await member.get('/espace/journal').expect(303);
    expect(french.headers.location).toBe('/en/espace/journal');

    // The year asked for: by default the home opens on Geneva's calendar year (test/server/workspace/committee-home.test.ts).
    const home = await pageIn(member, 'en', `/espace?annee=${YEAR}`);
    expect(home).toContain('<h1>Workspace</h1>');
    expect(home).toContain(`My committee in ${YEAR}`);
    expect(home).toContain('committee member');
    expect(home).toContain('Years of the plan');
    expect(await htmlProblems(home)).toEqual([]);

    const journal = await pageIn(member, 'en', '/espace/journal');
    expect(journal).toContain('Log of changes');
    expect(journal).toContain('Filter the log');
    // A filter's message, in English, beside its field.
    const badFilter = await pageIn(member, 'en', '/espace/journal?indicateur=99.9', 400);
    expect(badFilter).toContain('The indicator “99.9” is not in the Action Plan: give a code such as 1.1 or 30.2.');

    const plan = await createMeeting(member, 'en', MEETING);
    const planPage = await pageIn(member, 'en', plan);
    expect(planPage).toContain('Speaking time and time available');
    expect(textOf(planPage)).toMatch(/Intersessional meetings, 16\s*–\s*19 June 2026/);
    expect(planPage).toMatch(/Agenda item \d+: /);
    expect(planPage).toContain(`<a href="/en${plan}/groupes/victims">Edit the list<span class="visually-hidden">`);
    expect(planPage).not.toContain('Save the order and absences');
    expect(await htmlProblems(planPage)).toEqual([]);
    // A group's own page, where its list is changed.
    const groupPage = await pageIn(member, 'en', `${plan}/groupes/victims`);
    expect(groupPage).toContain('List of speakers: States Parties with mine victims');
    expect(groupPage).toContain('Save the order and absences');
    expect(groupPage).toContain(`<a href="/en${plan}#groupe-victims">Back to the meeting plan</a>`);
    expect(await htmlProblems(groupPage)).toEqual([]);

    const list = await pageIn(member, 'en', '/espace/reunions');
    expect(list).toContain('Upcoming and in progress');

    const cards = await pageIn(member, 'en', `${plan}/fiches`);
    expect(cards).toContain('Briefing cards — Intersessional meetings 2026');
    expect(cards).toMatch(/card 1 of \d+/);
    expect(cards).toMatch(/1st speaker of \d+/);
    expect(cards).toContain('Article 7 report');

    const pack = await createMeeting(member, 'en', {
      ...MEETING,
      kind: 'coordination',
      title: 'Coordinating Committee, September',
      startsOn: '2026-09-15',
      endsOn: '2026-09-15',
      sittings: '',
    });
    const packPage = await pageIn(member, 'en', `${pack}/dossier`);
    expect(packPage).toContain('Coordinating Committee’s pack — Coordinating Committee, September');
    expect(packPage).toContain('Reports received and validated during the period');
    expect(packPage).toContain('Open early warnings');
    expect(packPage).toMatch(/Changes (from|since)/);
    expect(await htmlProblems(packPage)).toEqual([]);
  });

  test('an administrator in English gets the report form and its validation message in English', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'en');
    const form = await pageIn(admin, 'en', `/espace/saisie/${YEAR}/COL`);
    expect(form).toContain('Date received');
    expect(form).toContain('Was the Reporting Guide used?');
    expect(form).toContain('Save everything');
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const refused = await admin
      .post(`/en/espace/saisie/${YEAR}/COL`)
      .type('form')
      .send({ _csrf: csrfTokenOf(form), version, received_on: '2026-04-01', used_reporting_guide: '', section: 'tout' })
      .expect(400);
    expect(refused.text).toContain('<html lang="en"');
    expect(refused.text).toContain('Reporting Guide: say whether the Reporting Guide was used (yes or no).');
    expect(refused.text).toContain('Nothing was saved: correct the following problem');
    expect(foreignPhrases(textOf(refused.text), 'en')).toEqual([]);
    // Nothing half-written: the form still shows no report.
    const again = await admin.get(`/en/espace/saisie/${YEAR}/COL`).expect(200);
    expect(again.text).toContain('date received');
  });

  test('an administrator in English gets the meeting form, the year, its reports, the carry-forward and the publication preview in English', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'en');
    const form = await pageIn(admin, 'en', '/espace/reunions/nouvelle');
    expect(form).toContain('<h1>New meeting</h1>');
    expect(form).toContain('Year of the reports considered');
    expect(form).toContain('Create the meeting');
    expect(await htmlProblems(form)).toEqual([]);
    const refused = await admin
      .post('/en/espace/reunions')
      .type('form')
      .send({ _csrf: await admin.csrf(), ...MEETING, title: '' })
      .expect(400);
    expect(refused.text).toContain('<html lang="en"');
    expect(refused.text).toContain('Initial list of speakers (intersessional meetings)');
    const edit = await pageIn(admin, 'en', `${await createMeeting(admin, 'en', MEETING)}/modifier`);
    expect(edit).toContain('Edit: Intersessional meetings 2026');
    expect(edit).toContain('Save the meeting');

    // The checklist's steps, the reports list's statuses and columns and the publication's warnings
    // are built by their presenters, still in French: these three pages are checked for their own
    // words only (their views' messages), not yet for the absence of French.
    const year = (await admin.get(`/en/espace/annees/${YEAR}`).expect(200)).text;
    expect(year).toContain(`Year ${YEAR}: where do we stand?`);
    expect(year).toContain(`Answers entered per committee in ${YEAR}`);
    const reports = (await admin.get(`/en/espace/saisie/${YEAR}`).expect(200)).text;
    expect(reports).toContain(`Reports ${YEAR}: entry and validation`);
    expect(reports).toContain('sort in ascending order');
    expect(await htmlProblems(reports)).toEqual([]);
    const carry = await pageIn(admin, 'en', `/espace/annees/${YEAR}/populations`);
    expect(carry).toContain(`Carry the populations of ${YEAR - 1} forward to ${YEAR}`);
    const preview = (await admin.get(`/en/espace/annees/${YEAR}/publication`).expect(200)).text;
    expect(preview).toContain('What the public will see');
    expect(preview).toContain(`Completeness of ${YEAR}`);
    expect(await htmlProblems(preview)).toEqual([]);
  });

  test('an administrator in English gets the figures form and its messages in English', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'en');
    const form = await pageIn(admin, 'en', `/espace/chiffres/${YEAR}`);
    expect(form).toContain(`<h1>Figures ${YEAR}</h1>`);
    expect(form).toContain('No value recorded.');
    expect(form).toContain('Numerator (5.4)');
    expect(await htmlProblems(form)).toEqual([]);
    const version = /name="version" value="(\d*)"/.exec(form)![1]!;
    const saved = await admin
      .post(`/en/espace/chiffres/${YEAR}`)
      .type('form')
      .send({ _csrf: csrfTokenOf(form), version, 'value:5.3': '12,5' })
      .expect(303);
    expect(saved.headers.location).toBe(`/en/espace/chiffres/${YEAR}`);
    const after = await pageIn(admin, 'en', `/espace/chiffres/${YEAR}`);
    expect(after).toContain('Saved: 1 change.');
    expect(after).toContain('Recorded value: 12,5.');
    const spanish = await memberIn(app, 'membre@example.org', 'es');
    const readOnly = await pageIn(spanish, 'es', `/espace/chiffres/${YEAR}`);
    expect(readOnly).toContain('Solo lectura');
  });

  test('the registry of States and a State’s form in English and Spanish', async () => {
    const { app } = await meetingApp();
    const admin = await memberIn(app, 'admin@example.org', 'en');
    const list = await pageIn(admin, 'en', '/espace/registre?tri=code&ordre=decroissant');
    expect(list).toContain('<h1>Registry of States</h1>');
    expect(list).toContain('sort in ascending order');
    expect(await htmlProblems(list)).toEqual([]);
    const form = await pageIn(admin, 'en', '/espace/registre/COL');
    expect(form).toContain('Date the Convention entered into force');
    const saved = await admin
      .post('/en/espace/registre/COL')
      .type('form')
      .send({
        _csrf: csrfTokenOf(form),
        version: /name="version" value="(\d*)"/.exec(form)![1]!,
        party: 'yes',
        party_from: '',
        party_until: '',
        reason: 'Check',
      })
      .expect(303);
    expect(saved.headers.location).toBe('/en/espace/registre/COL');
    expect(await pageIn(admin, 'en', '/espace/registre/COL')).toMatch(/Saved: the registry is up to date|No change/);
    const spanish = await memberIn(app, 'membre@example.org', 'es');
    expect(await pageIn(spanish, 'es', '/espace/registre/COL')).toContain('Solo lectura');
  });

  test('an account in Spanish gets the workspace, the journal and a meeting plan in Spanish', async () => {
    const { app } = await meetingApp();
    const member = await memberIn(app, 'membre@example.org', 'es');
    const home = await pageIn(member, 'es', `/espace?annee=${YEAR}`);
    expect(home).toContain('<h1>Espacio de trabajo</h1>');
    expect(home).toContain(`Mi comité en ${YEAR}`);
    const journal = await pageIn(member, 'es', '/espace/journal');
    expect(journal).toContain('Registro de cambios');
    const plan = await createMeeting(member, 'es', { ...MEETING, title: 'Reuniones 2026', place: 'Ginebra' });
    const planPage = await pageIn(member, 'es', plan);
    expect(planPage).toContain('Tiempo de intervención y tiempo disponible');
    expect(planPage).toContain(`<a href="/es${plan}/groupes/victims">Modificar la lista<span class="visually-hidden">`);
    const groupPage = await pageIn(member, 'es', `${plan}/groupes/victims`);
    expect(groupPage).toContain('Lista de oradores: Estados Partes con víctimas de minas');
    expect(groupPage).toContain(`<a href="/es${plan}#groupe-victims">Volver al plan de la reunión</a>`);
    expect(await htmlProblems(groupPage)).toEqual([]);
    const cards = await pageIn(member, 'es', `${plan}/fiches`);
    expect(cards).toContain('Fichas informativas — Reuniones 2026');
  });

  test('a speakers’ list is drawn up in its author’s language: English names in English order, French in French order', async () => {
    const { app } = await meetingApp();
    const english = await memberIn(app, 'membre@example.org', 'en');
    const french = await memberIn(app, 'admin@example.org', 'fr');
    const namesIn = (html: string, one: string, other: string) => {
      const tables = html.split('<table class="data-table speakers">').map((t) => t.split('</table>')[0]!);
      const table = tables.slice(1).find((t) => t.includes(`>${one}`) && t.includes(`>${other}`));
      if (!table) throw new Error(`no speakers' list with ${one} and ${other}`);
      return [...table.matchAll(/<th scope="row">([^<]+)/g)].map((m) => m[1]!.trim());
    };
    const enPlan = await pageIn(english, 'en', await createMeeting(english, 'en', MEETING));
    const frPath = await createMeeting(french, 'fr', { ...MEETING, title: 'Réunions 2026 (fr)' });
    const frPlan = (await french.get(frPath).expect(200)).text;
    // Chad (TCD) comes before Colombia in English; Tchad after Colombie in French.
    const en = namesIn(enPlan, 'Chad', 'Colombia');
    const fr = namesIn(frPlan, 'Tchad', 'Colombie');
    expect(en.indexOf('Chad')).toBeLessThan(en.indexOf('Colombia'));
    expect(fr.indexOf('Tchad')).toBeGreaterThan(fr.indexOf('Colombie'));
    expect(en).toEqual([...en].sort(new Intl.Collator('en').compare));
    expect(fr).toEqual([...fr].sort(new Intl.Collator('fr').compare));
  });

  test('the French workspace keeps its words', async () => {
    const { app } = await meetingApp();
    const agent = request.agent(app);
    const form = await agent.get('/connexion');
    await agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: csrfTokenOf(form.text), email: 'membre@example.org', password: TEST_PASSWORD, retour: '/espace' })
      .expect(303);
    const home = await agent.get(`/espace?annee=${YEAR}`).expect(200);
    expect(home.text).toContain('<html lang="fr"');
    expect(home.text).toContain(`Mon comité en ${YEAR}`);
    expect(foreignPhrases(textOf(home.text), 'fr')).toEqual([]);
  });
});
