import request from 'supertest';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { answers, auditEntries, populationMemberships, reports, validations } from '../../../db/schema';
import { readCatalogue } from '../../../server/domain/catalogue';
import { lastAuditId, versionOf } from '../../../db/queries/audit';
import { versionNumber } from '../../../server/domain/workspace/form';
import { publishEverything, testApp } from '../../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, csrfTokenOf, signedInAgent, type Agent } from '../../helpers/session';
import { browserFields, decode } from '../../helpers/form-fields';

/**
 * Data entry and review of a (year, State) report, through real HTTP on a real SQLite database.
 * Forms are submitted as a browser would: every enabled field of the page, with what the user
 * changed on top (disabled fields are not sent).
 */

const ADMIN = 'uaa@example.org';
const PRESIDENT = 'presidence@example.org';
const PRESIDENT_2 = 'presidence2@example.org';
const VICTIMS = 'assistance@example.org';
const OBSERVER = 'observateur@example.org';

const ACCOUNTS = {
  admin: [ADMIN, 'admin', []],
  president: [PRESIDENT, 'member', ['president']],
  president2: [PRESIDENT_2, 'member', ['president']],
  victims: [VICTIMS, 'member', ['victim-assistance']],
  observer: [OBSERVER, 'observer', []],
} as const;
type Account = keyof typeof ACCOUNTS;

/** A fresh app and database with the accounts a test needs (hashing a password takes a moment). */
async function setup(...needed: Account[]) {
  const { db, app } = testApp();
  const users: Partial<Record<Account, { id: number }>> = {};
  for (const key of needed) {
    const [email, role, mechanisms] = ACCOUNTS[key];
    users[key] = await createTestUser(db, email, role, [...mechanisms]);
  }
  return { db, app, users: users as Record<Account, { id: number }> };
}

const formPath = (year: number, iso3: string) => `/espace/saisie/${year}/${iso3}`;

/** Opens the form, then submits it with `changes` on top of what the page holds. */
async function saveForm(agent: Agent, year: number, iso3: string, changes: Record<string, string | undefined>) {
  const page = await agent.get(formPath(year, iso3)).expect(200);
  return submit(agent, page.text, year, iso3, changes);
}

function submit(agent: Agent, html: string, year: number, iso3: string, changes: Record<string, string | undefined>) {
  const fields = { ...browserFields(html, formPath(year, iso3)), ...changes };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete fields[k];
  return agent.post(formPath(year, iso3)).type('form').send(fields);
}

const versionIn = (html: string) => Number(/name="version" value="([0-9]+)"/.exec(html)![1]);

const dataRows = (db: Db, year: number, state: string) => ({
  report:
    db
      .select()
      .from(reports)
      .where(and(eq(reports.year, year), eq(reports.state, state)))
      .get() ?? null,
  answers: db
    .select()
    .from(answers)
    .where(and(eq(answers.year, year), eq(answers.state, state)))
    .orderBy(asc(answers.indicator))
    .all(),
  memberships: db
    .select()
    .from(populationMemberships)
    .where(and(eq(populationMemberships.year, year), eq(populationMemberships.state, state)))
    .all(),
  validation:
    db
      .select()
      .from(validations)
      .where(and(eq(validations.year, year), eq(validations.state, state)))
      .get() ?? null,
});

const auditCount = (db: Db) => db.select().from(auditEntries).all().length;

describe('the form of a (year, State) report', () => {
  test('a member enters the report and answers for COL 2026; the audit trail records who, before and after', async () => {
    const { db, app, users } = await setup('president');
    const agent = await signedInAgent(app, PRESIDENT);
    const mark = lastAuditId(db);
    const response = await saveForm(agent, 2026, 'COL', {
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      'answer:10.1': 'yes',
      'source:10.1': 'Rapport article 7, § 12',
      'answer:11.1': 'no',
      'note:11.1': 'Aucune démarche signalée.',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/espace/saisie/2026/COL');

    const rows = dataRows(db, 2026, 'COL');
    expect(rows.report).toEqual({ year: 2026, state: 'COL', receivedOn: '2026-03-14', usedReportingGuide: true });
    expect(rows.answers.map((a) => [a.indicator, a.answer, a.source, a.note])).toEqual([
      ['10.1', 'yes', 'Rapport article 7, § 12', null],
      // No source typed: the page's pre-filled one, the State's report of the year.
      ['11.1', 'no', 'Rapport article 7 2026', 'Aucune démarche signalée.'],
    ]);
    expect(rows.validation).toBeNull();

    const entries = db.select().from(auditEntries).where(gt(auditEntries.id, mark)).orderBy(asc(auditEntries.id)).all();
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(e).toMatchObject({
        userId: users.president.id,
        actor: PRESIDENT,
        origin: 'web',
        operation: 'insert',
        year: 2026,
        state: 'COL',
        before: null,
      });
    }
    expect(entries.map((e) => [e.entity, e.indicator, JSON.parse(e.after!)])).toEqual([
      ['report', null, { received_on: '2026-03-14', used_reporting_guide: 1 }],
      ['answer', '10.1', { answer: 'yes', source: 'Rapport article 7, § 12', note: null }],
      ['answer', '11.1', { answer: 'no', source: 'Rapport article 7 2026', note: 'Aucune démarche signalée.' }],
    ]);

    // The page after the redirect: the message, the draft badge, the values, the last changes.
    const page = await agent.get(response.headers.location!).expect(200);
    expect(page.text).toContain('Enregistré : 3 modifications.');
    expect(page.text).toContain('<span class="badge badge--draft">brouillon</span>');
    expect(page.text).toContain('value="2026-03-14"');
    expect(page.text).toMatch(/id="answer-10\.1-yes" name="answer:10\.1" value="yes" checked/);
    // The other choices are named by the label around them; only the first is a link's target.
    expect(page.text).toMatch(/<label><input type="radio" name="answer:10\.1" value="no">/);
    expect(page.text).not.toContain('id="answer-10.1-no"');
    const recent = textOf(fragment(page.text, '<h3>Dernières modifications</h3>', '</table>'));
    expect(recent).toContain(PRESIDENT);
    expect(recent).toContain('Indicateur 10.1 : réponse ajoutée (oui)');
    expect(recent).toContain('Rapport ajouté : reçu le 14 mars 2026, guide utilisé');
    expect(hrefsOf(page.text)).toContain('/espace/journal?annee=2026&etat=COL');

    // A second save changes one answer and removes another: before and after are recorded.
    const second = await saveForm(agent, 2026, 'COL', { 'answer:10.1': 'no', 'answer:11.1': 'none', 'note:11.1': '' });
    expect(second.headers.location).toBe('/espace/saisie/2026/COL');
    expect((await agent.get(second.headers.location!)).text).toContain('Enregistré : 2 modifications.');
    const later = db.select().from(auditEntries).where(gt(auditEntries.id, mark)).orderBy(asc(auditEntries.id)).all().slice(3);
    expect(later.map((e) => [e.operation, e.indicator, e.before && JSON.parse(e.before), e.after && JSON.parse(e.after)])).toEqual([
      [
        'update',
        '10.1',
        { answer: 'yes', source: 'Rapport article 7, § 12', note: null },
        { answer: 'no', source: 'Rapport article 7, § 12', note: null },
      ],
      ['delete', '11.1', { answer: 'no', source: 'Rapport article 7 2026', note: 'Aucune démarche signalée.' }, null],
    ]);

    // Saving the unchanged form writes nothing.
    const before = auditCount(db);
    const third = await saveForm(agent, 2026, 'COL', {});
    expect(third.headers.location).toBe('/espace/saisie/2026/COL');
    expect((await agent.get(third.headers.location!)).text).toContain(
      'Aucune modification : les valeurs saisies étaient déjà enregistrées.',
    );
    expect(auditCount(db)).toBe(before);

    // Clearing the date deletes the report row.
    await saveForm(agent, 2026, 'COL', { received_on: '' }).then((r) => expect(r.status).toBe(303));
    expect(dataRows(db, 2026, 'COL').report).toBeNull();
  });

  test('field errors: French messages beside the fields and in the summary, typed values kept, nothing saved', async () => {
    const { db, app } = await setup('president');
    const agent = await signedInAgent(app, PRESIDENT);
    const longNote = 'n'.repeat(2001);
    const before = auditCount(db);
    const response = await saveForm(agent, 2026, 'COL', {
      received_on: '2026-02-30',
      'answer:10.1': 'yes',
      'source:10.1': 'Une source valable',
      'note:10.1': longNote,
      'answer:11.1': 'none',
      'source:11.1': 'source sans réponse',
      'answer:15.1': 'peut-être',
    });
    expect(response.status).toBe(400);
    expect(await htmlProblems(response.text)).toEqual([]);
    const text = response.text;
    expect(text).toContain('Date de réception : date impossible « 2026-02-30 » : ce jour n’existe pas.');
    expect(text).toContain('indiquez si le Guide de rédaction des rapports a été utilisé');
    expect(text).toContain('Indicateur 10.1, note : 2000 caractères au plus (vous en avez saisi 2001).');
    expect(text).toContain('Indicateur 11.1 : une source ou une note est saisie sans réponse');
    expect(text).toContain('Indicateur 15.1 : choisissez Oui, Non, Non traité dans le rapport ou Pas encore saisi.');
    // The summary links to the fields; each field points at its message.
    const summary = fragment(text, '<div class="error-summary"', '</div>');
    for (const id of ['received_on', 'used_reporting_guide-yes', 'note-10.1', 'answer-11.1-yes', 'answer-15.1-yes']) {
      expect(summary).toContain(`href="#${id}"`);
    }
    expect(text).toMatch(
      /id="received_on" name="received_on" value="2026-02-30" aria-describedby="received_on-hint received_on-error" aria-invalid="true"/,
    );
    expect(text).toMatch(/id="note-10\.1"[^>]*aria-invalid="true" aria-describedby="note-10\.1-error"/);
    expect(text).toContain('id="note-10.1-error"');
    // What the user typed stays in the form.
    expect(text).toContain(`>${longNote}</textarea>`);
    expect(text).toContain('value="Une source valable"');
    expect(text).toContain('value="source sans réponse"');
    expect(text).toMatch(/id="answer-10\.1-yes" name="answer:10\.1" value="yes" checked/);
    // Nothing was written.
    expect(dataRows(db, 2026, 'COL')).toEqual({ report: null, answers: [], memberships: [], validation: null });
    expect(auditCount(db)).toBe(before);

    // A date in the future is refused too, and a source over 500 characters.
    const future = await saveForm(agent, 2026, 'COL', {
      received_on: '2999-01-01',
      used_reporting_guide: 'no',
      'answer:10.1': 'yes',
      'source:10.1': 's'.repeat(501),
    });
    expect(future.status).toBe(400);
    expect(future.text).toContain('Date de réception : date dans le futur « 2999-01-01 » : nous sommes le ');
    expect(future.text).toContain('Indicateur 10.1, source : 500 caractères au plus (vous en avez saisi 501).');
    expect(dataRows(db, 2026, 'COL').report).toBeNull();
  });

  test('an observer reads the draft without any field to change, and a save is refused (403), nothing saved', async () => {
    const { db, app } = await setup('president', 'observer');
    const member = await signedInAgent(app, PRESIDENT);
    await saveForm(member, 2026, 'COL', { received_on: '2026-03-14', used_reporting_guide: 'no', 'answer:10.1': 'yes' });
    const observer = await signedInAgent(app, OBSERVER);
    const page = await observer.get(formPath(2026, 'COL')).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).not.toContain('>Enregistrer</button>');
    expect(page.text).not.toContain('Valider ce rapport');
    expect(page.text).toContain('badge--draft');
    expect(page.text).toMatch(/id="answer-10\.1-yes" name="answer:10\.1" value="yes" checked[^>]* disabled/);
    expect(page.text).toMatch(/id="received_on"[^>]* disabled/);

    expect(page.text).not.toContain('name="version"');
    const currentVersion = versionNumber(versionOf.report(db, 2026, 'COL'));
    const before = auditCount(db);
    const token = await observer.csrf();
    const response = await observer
      .post(formPath(2026, 'COL'))
      .type('form')
      .send({ _csrf: token, version: String(currentVersion), received_on: '2026-04-01', used_reporting_guide: 'yes', 'answer:10.1': 'no' });
    expect(response.status).toBe(403);
    expect(response.text).toContain('Votre rôle ne permet pas de modifier ou de valider un rapport.');
    const validation = await observer
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: token, version: String(currentVersion) });
    expect(validation.status).toBe(403);
    expect(auditCount(db)).toBe(before);
    expect(dataRows(db, 2026, 'COL').report?.receivedOn).toBe('2026-03-14');
    expect(dataRows(db, 2026, 'COL').answers[0]?.answer).toBe('yes');
  });

  test('a member who changes an answer outside their mechanism’s actions, or a population, is refused (403) and nothing is saved', async () => {
    const { db, app } = await setup('president', 'victims');
    const president = await signedInAgent(app, PRESIDENT);
    await saveForm(president, 2026, 'COL', { received_on: '2026-03-14', used_reporting_guide: 'no', 'answer:10.1': 'yes' });

    const victims = await signedInAgent(app, VICTIMS);
    const page = await victims.get(formPath(2026, 'COL')).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    // 10.1 (action 10, led by the President) is read-only for the victim assistance committee, 35.3 is theirs.
    expect(page.text).toMatch(
      /id="answer-10\.1-yes" name="answer:10\.1" value="yes" checked aria-describedby="answer-10\.1-hint" disabled/,
    );
    expect(textOf(fragment(page.text, 'id="answer-10.1-hint"', '</p>'))).toContain('Président de la Convention');
    expect(page.text).not.toMatch(/id="answer-35\.3-yes"[^>]* disabled/);
    expect(page.text).toMatch(/id="population-affected"[^>]* disabled/);

    const before = auditCount(db);
    // A forged request (the disabled field sent anyway), with an allowed change alongside: all refused.
    const forged = await submit(victims, page.text, 2026, 'COL', { 'answer:10.1': 'no', 'answer:35.3': 'yes', received_on: '2026-03-15' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Vous ne pouvez pas modifier la réponse à l’indicateur 10.1');
    const populations = await submit(victims, page.text, 2026, 'COL', { populations: '1', 'population:victims': '1' });
    expect(populations.status).toBe(403);
    expect(populations.text).toContain('Seule l’Unité d’appui à l’application (administrateurs) modifie les populations');
    expect(auditCount(db)).toBe(before);
    const rows = dataRows(db, 2026, 'COL');
    expect(rows.answers.map((a) => [a.indicator, a.answer])).toEqual([['10.1', 'yes']]);
    expect(rows.report?.receivedOn).toBe('2026-03-14');
    expect(rows.memberships).toEqual([]);

    // Their own indicator, and the report row, they may change.
    const allowed = await submit(victims, page.text, 2026, 'COL', { 'answer:35.3': 'yes', received_on: '2026-03-15' });
    expect(allowed.status).toBe(303);
    expect(dataRows(db, 2026, 'COL').answers.map((a) => [a.indicator, a.answer])).toEqual([
      ['10.1', 'yes'],
      ['35.3', 'yes'],
    ]);
  });

  test('an admin enters populations: the form then offers the indicators of those populations', async () => {
    const { db, app } = await setup('admin');
    const admin = await signedInAgent(app, ADMIN);
    const empty = await admin.get(formPath(2026, 'COL')).expect(200);
    expect(empty.text).not.toContain('id="indicateur-1.1"');
    expect(empty.text).not.toContain('id="indicateur-30.1"');
    const saved = await submit(admin, empty.text, 2026, 'COL', { 'population:affected': '1', 'population:victims': '1' });
    expect(saved.headers.location).toBe('/espace/saisie/2026/COL');
    expect(
      dataRows(db, 2026, 'COL')
        .memberships.map((m) => m.population)
        .sort(),
    ).toEqual(['affected', 'victims']);
    const catalogue = readCatalogue(db);
    const page = await admin.get(formPath(2026, 'COL')).expect(200);
    expect(page.text).toContain('Enregistré : 2 modifications.');
    for (const indicator of catalogue.indicatorByCode.values()) {
      const offered = page.text.includes(`id="indicateur-${indicator.code}"`);
      // obligations = affected ∪ article4 ∪ article3: COL, affected, is in it too.
      const expected =
        (indicator.kind === 'share' || indicator.kind === 'count') &&
        indicator.derivedFrom === null &&
        ['party', 'affected', 'victims', 'obligations'].includes(indicator.population ?? '');
      expect([indicator.code, offered]).toEqual([indicator.code, expected]);
    }
    expect(await htmlProblems(page.text)).toEqual([]);
    // Unticking a box removes the membership.
    const fields = browserFields(page.text, formPath(2026, 'COL'));
    delete fields['population:victims'];
    const removed = await admin.post(formPath(2026, 'COL')).type('form').send(fields);
    expect(removed.headers.location).toBe('/espace/saisie/2026/COL');
    expect((await admin.get(removed.headers.location!)).text).toContain('Enregistré : 1 modification.');
    expect(dataRows(db, 2026, 'COL').memberships.map((m) => m.population)).toEqual(['affected']);
  });

  test('a State not party that year: no populations offered, the reason said, a voluntary report may be entered', async () => {
    const { db, app } = await setup('admin');
    const admin = await signedInAgent(app, ADMIN);
    const page = await admin.get(formPath(2026, 'USA')).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).not.toContain('name="population:affected"');
    expect(textOf(page.text)).toContain('n’est pas partie à la Convention en 2026 : il n’appartient à aucune population saisie');
    const catalogue = readCatalogue(db);
    const nonParty = [...catalogue.indicatorByCode.values()].filter((i) => i.population === 'non_party').map((i) => i.code);
    expect(nonParty.length).toBeGreaterThan(0);
    for (const code of nonParty) expect(page.text).toContain(`id="indicateur-${code}"`);
    expect(page.text).not.toContain('id="indicateur-10.1"');
    const saved = await submit(admin, page.text, 2026, 'USA', { received_on: '2026-05-02', used_reporting_guide: 'no' });
    expect(saved.status).toBe(303);
    const list = await admin.get('/espace/saisie/2026').expect(200);
    expect(list.text).toContain('href="/espace/saisie/2026/USA"');
  });

  test('unknown State: 404 in French; year outside the plan: 400', async () => {
    const { app } = await setup('admin');
    const agent = await signedInAgent(app, ADMIN);
    const unknown = await agent.get('/espace/saisie/2026/XYZ').expect(404);
    expect(unknown.text).toContain('L’État « XYZ » n’est pas dans le registre des États.');
    const badYear = await agent.get('/espace/saisie/2031/COL').expect(400);
    expect(badYear.text).toContain('n’est pas une année du plan');
    await agent.get('/espace/saisie/abcd').expect(400);
    await request(app).get('/espace/saisie/2026/COL').expect(303).expect('Location', '/connexion?retour=%2Fespace%2Fsaisie%2F2026%2FCOL');
  });
});

describe('two people editing the same report', () => {
  test('the second save is refused (409), naming who changed it and when, with the second person’s input kept', async () => {
    const { db, app } = await setup('president', 'president2');
    const first = await signedInAgent(app, PRESIDENT);
    const second = await signedInAgent(app, PRESIDENT_2);
    const firstPage = await first.get(formPath(2026, 'COL')).expect(200);
    const secondPage = await second.get(formPath(2026, 'COL')).expect(200);
    expect(versionIn(firstPage.text)).toBe(versionIn(secondPage.text));

    const saved = await submit(first, firstPage.text, 2026, 'COL', { 'answer:10.1': 'yes', 'note:10.1': 'Note de la première personne' });
    expect(saved.status).toBe(303);
    const firstEntry = db.select().from(auditEntries).orderBy(asc(auditEntries.id)).all().at(-1)!;

    const before = auditCount(db);
    const refused = await submit(second, secondPage.text, 2026, 'COL', { 'answer:10.1': 'no', 'note:10.1': 'Note de la seconde personne' });
    expect(refused.status).toBe(409);
    expect(await htmlProblems(refused.text)).toEqual([]);
    const message = textOf(fragment(refused.text, '<div class="form-message form-message--error" role="alert"', '</div>'));
    expect(message).toContain(`modifié par ${PRESIDENT} le `);
    expect(message).toMatch(/le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}/);
    expect(refused.text).toContain('>Note de la seconde personne</textarea>');
    expect(refused.text).toMatch(/name="answer:10\.1" value="no" checked/);
    // What was saved in between is shown beside the field, and the form carries the new version.
    expect(textOf(refused.text)).toContain(
      'Enregistré entre-temps : oui — source : Rapport article 7 2026 — note : Note de la première personne',
    );
    expect(versionIn(refused.text)).toBe(firstEntry.id);
    expect(auditCount(db)).toBe(before);
    expect(dataRows(db, 2026, 'COL').answers[0]?.note).toBe('Note de la première personne');

    // Saving again, deliberately, from the refused page goes through.
    const again = await submit(second, refused.text, 2026, 'COL', {});
    expect(again.status).toBe(303);
    expect(dataRows(db, 2026, 'COL').answers[0]).toMatchObject({ answer: 'no', note: 'Note de la seconde personne' });
  });
});

describe('review: validation and changes after it', () => {
  test('validation is permitted to an admin or a member of a mechanism concerned, refused to others', async () => {
    const { db, app, users } = await setup('admin', 'president', 'victims');
    const president = await signedInAgent(app, PRESIDENT);
    const victims = await signedInAgent(app, VICTIMS);

    // Nothing entered: nothing to validate (400), and no button.
    const emptyPage = await president.get(formPath(2026, 'COL')).expect(200);
    expect(emptyPage.text).not.toContain('Valider ce rapport');
    const empty = await president
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(emptyPage.text), version: String(versionIn(emptyPage.text)) });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Rien à valider');

    // Answers of action 10 only (President): the victim assistance committee is not concerned.
    await saveForm(president, 2026, 'COL', { 'answer:10.1': 'yes' });
    const victimsPage = await victims.get(formPath(2026, 'COL')).expect(200);
    expect(victimsPage.text).not.toContain('Valider ce rapport');
    expect(victimsPage.text).toContain('Votre comité n’est concerné par aucune des actions de ce rapport');
    const refused = await victims
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(victimsPage.text), version: String(versionIn(victimsPage.text)) });
    expect(refused.status).toBe(403);
    expect(dataRows(db, 2026, 'COL').validation).toBeNull();

    // A stale page: refused (409).
    const stalePage = await president.get(formPath(2026, 'COL')).expect(200);
    expect(stalePage.text).toContain('Valider ce rapport');
    await saveForm(president, 2026, 'COL', { 'note:10.1': 'précision' });
    const stale = await president
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(stalePage.text), version: String(versionIn(stalePage.text)) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain(`Rien n’a été validé : ce rapport a été modifié par ${PRESIDENT}`);
    expect(dataRows(db, 2026, 'COL').validation).toBeNull();

    // The President's committee is concerned.
    const page = await president.get(formPath(2026, 'COL')).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const validationForm = fragment(page.text, `<form method="post" action="${formPath(2026, 'COL')}/validation">`, '</form>');
    const ok = await president
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send(browserFields(validationForm, `${formPath(2026, 'COL')}/validation`));
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/espace/saisie/2026/COL');
    expect(dataRows(db, 2026, 'COL').validation).toMatchObject({ validatedBy: users.president.id });
    const entry = db.select().from(auditEntries).orderBy(asc(auditEntries.id)).all().at(-1)!;
    expect(entry).toMatchObject({ entity: 'validation', operation: 'insert', actor: PRESIDENT, userId: users.president.id });
    const after = await president.get(ok.headers.location!).expect(200);
    expect(after.text).toContain('Rapport validé.');
    expect(after.text).toContain('<span class="badge badge--validated">validé</span>');
    expect(textOf(after.text)).toContain(`Validé par ${PRESIDENT} le`);

    // Validated already: 409.
    const twice = await president
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(after.text), version: String(versionIn(after.text)) });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('Ce rapport est déjà validé, par');

    // An admin validates any report, including one whose actions concern no mechanism of theirs.
    await saveForm(president, 2026, 'AFG', { 'answer:10.1': 'no' });
    const admin = await signedInAgent(app, ADMIN);
    const afg = await admin.get(formPath(2026, 'AFG')).expect(200);
    const byAdmin = await admin
      .post(`${formPath(2026, 'AFG')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(afg.text), version: String(versionIn(afg.text)) });
    expect(byAdmin.status).toBe(303);
    expect(dataRows(db, 2026, 'AFG').validation).toMatchObject({ validatedBy: users.admin.id });

    // A report row alone concerns action 8 (compliance committee), not victim assistance.
    await saveForm(president, 2026, 'AGO', { received_on: '2026-04-02', used_reporting_guide: 'yes' });
    const ago = await victims.get(formPath(2026, 'AGO')).expect(200);
    expect(ago.text).not.toContain('Valider ce rapport');
  });

  test('a change to a validated report needs a reason; the report stays validated and the reason is recorded', async () => {
    const { db, app } = await setup('president');
    const president = await signedInAgent(app, PRESIDENT);
    await saveForm(president, 2026, 'COL', { received_on: '2026-03-14', used_reporting_guide: 'yes', 'answer:10.1': 'yes' });
    const page = await president.get(formPath(2026, 'COL')).expect(200);
    await president
      .post(`${formPath(2026, 'COL')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: String(versionIn(page.text)) })
      .expect(303);

    const validated = await president.get(formPath(2026, 'COL')).expect(200);
    expect(validated.text).toContain('Obligatoire : ce rapport est validé.');
    const before = auditCount(db);
    const missing = await submit(president, validated.text, 2026, 'COL', { 'answer:10.1': 'no' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Raison de la modification : obligatoire, car ce rapport est validé.');
    expect(missing.text).toContain('href="#reason"');
    expect(missing.text).toMatch(/name="answer:10\.1" value="no" checked/);
    expect(auditCount(db)).toBe(before);

    const withReason = await submit(president, missing.text, 2026, 'COL', { reason: 'Erreur de lecture du rapport corrigée' });
    expect(withReason.status).toBe(303);
    const rows = dataRows(db, 2026, 'COL');
    expect(rows.answers[0]?.answer).toBe('no');
    expect(rows.validation).not.toBeNull();
    const entry = db.select().from(auditEntries).orderBy(asc(auditEntries.id)).all().at(-1)!;
    expect(entry).toMatchObject({
      entity: 'answer',
      operation: 'update',
      reason: 'Erreur de lecture du rapport corrigée',
      actor: PRESIDENT,
    });
    const shown = await president.get(formPath(2026, 'COL')).expect(200);
    expect(textOf(fragment(shown.text, '<h3>Dernières modifications</h3>', '</table>'))).toContain('Erreur de lecture du rapport corrigée');

    // In a published year too.
    publishEverything(db);
    const published = await president.get(formPath(2026, 'COL')).expect(200);
    expect(published.text).toContain('<span class="badge badge--published">publié</span>');
    const refused = await submit(president, published.text, 2026, 'COL', { 'note:10.1': 'ajout' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Raison de la modification : obligatoire, car l’année 2026 est publiée.');
  });
});

describe('what the pages show', () => {
  test('a note with HTML in it is shown escaped on the form and on the public pages', async () => {
    const { db, app } = await setup('president');
    const president = await signedInAgent(app, PRESIDENT);
    const note = '<script>alert(1)</script>';
    await saveForm(president, 2026, 'COL', {
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      'answer:10.1': 'yes',
      'note:10.1': note,
      'source:10.1': '"><b>gras</b>',
    });
    expect(dataRows(db, 2026, 'COL').answers[0]?.note).toBe(note);
    const form = await president.get(formPath(2026, 'COL')).expect(200);
    expect(form.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(form.text).not.toContain(note);
    expect(form.text).not.toContain('<b>gras</b>');
    expect(await htmlProblems(form.text)).toEqual([]);

    publishEverything(db);
    for (const path of ['/states/COL?year=2026', '/indicators/10.1?year=2026']) {
      const page = await request(app).get(path).expect(200);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).not.toContain(note);
    }
  });

  test('the year’s list: every State party plus those with a report or answers, by French name, with status and counts', async () => {
    const { db, app } = await setup('president');
    const president = await signedInAgent(app, PRESIDENT);
    await saveForm(president, 2026, 'COL', {
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      'answer:10.1': 'yes',
      'answer:11.1': 'no',
    });
    await saveForm(president, 2026, 'AFG', { 'answer:10.1': 'yes' });
    const afg = await president.get(formPath(2026, 'AFG'));
    await president
      .post(`${formPath(2026, 'AFG')}/validation`)
      .type('form')
      .send({ _csrf: csrfTokenOf(afg.text), version: String(versionIn(afg.text)) })
      .expect(303);

    const list = await president.get('/espace/saisie/2026').expect(200);
    expect(await htmlProblems(list.text)).toEqual([]);
    const catalogue = readCatalogue(db);
    expect(catalogue.sections.length).toBeGreaterThan(0);
    const rows = [...list.text.matchAll(/<tr>\s*<th scope="row">([^<]+)/g)].map((m) => decode(m[1]!).trim());
    const sorted = [...rows].sort((a, b) => a.localeCompare(b, 'fr'));
    expect(rows).toEqual(sorted);
    expect(rows).not.toContain('États-Unis d’Amérique');
    const colRow = textOf(fragment(list.text, '<th scope="row">Colombie', '</tr>'));
    expect(colRow).toContain('brouillon');
    expect(colRow).toContain('reçu le 14 mars 2026');
    // Columns: status, late, answers, missing, alerts, report.
    expect(colRow).toMatch(/^Colombie brouillon (?:oui|non) 2 \d+ \d+ reçu le/);
    const afgRow = textOf(fragment(list.text, '<th scope="row">Afghanistan', '</tr>'));
    expect(afgRow).toContain('validé');
    expect(afgRow).toContain('pas de rapport');
    const summary = textOf(fragment(list.text, '<ul class="report-counts">', '</ul>'));
    expect(summary).toContain(`${rows.length} États`);
    expect(summary).toContain('brouillon 1');
    expect(summary).toContain('validé 1');
    expect(summary).toContain(`aucune saisie ${rows.length - 2}`);

    const drafts = await president.get('/espace/saisie/2026?statut=brouillon').expect(200);
    const draftRows = [...drafts.text.matchAll(/<tr>\s*<th scope="row">([^<]+)/g)].map((m) => m[1]!.trim());
    expect(draftRows).toEqual(['Colombie']);
    expect(drafts.text).toMatch(/<option value="brouillon" selected>/);
    await president.get('/espace/saisie/2026?statut=nimporte').expect(400);
  });
});
