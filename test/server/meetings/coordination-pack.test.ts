import type { Db } from '../../../db/client';
import { withAudit, type Actor } from '../../../db/queries/audit';
import { readEngineData } from '../../../server/domain/stored-data';
import { readMeeting } from '../../../db/queries/meetings';
import { auditEntriesSince } from '../../../db/queries/pack';
import { validateReports } from '../../../db/queries/review';
import { answers, auditEntries, populationMemberships, reports } from '../../../db/schema';
import { and, eq } from 'drizzle-orm';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { EngineSnapshot } from '../../../server/domain/engine/engine';
import { dataAt } from '../../../server/domain/meetings/changes-since';
import type { MeetingDetails } from '../../../server/domain/meetings/meeting-form';
import { packWindow } from '../../../server/domain/meetings/pack';
import { speakerSource } from '../../../server/domain/meetings/speaker-groups';
import { createMeeting, setOtherInterventions } from '../../../server/domain/meetings/store';
import { formatDate } from '../../../server/presenters/format';
import { testApp } from '../../helpers/context';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { expectedValueText } from '../../helpers/pages';
import { createTestUser, signedInAgent, type Agent } from '../../helpers/session';

/**
 * The Coordinating Committee's pack, from real audit data: changes written through the audit
 * triggers with dates before, inside and after the window between two Committee meetings.
 */

const YEAR = 2026;
const AFFECTED = ['AFG', 'COL', 'KHM', 'TCD'];
const VICTIMS = ['KHM'];
/** Article 4 obligations only: outside the Article 5 committee's populations. */
const ARTICLE4 = ['UKR'];
/** States answering yes to 17.1 at each moment: before the window, at its end, and now. */
const YES_17_1 = { before: ['AFG'], end: ['AFG', 'COL'], now: ['AFG', 'COL', 'KHM'] };

const PREVIOUS_START = '2026-03-10';
const MEETING_START = '2026-09-15';

const details = (over: Partial<MeetingDetails>): MeetingDetails => ({
  kind: 'coordination',
  title: 'Réunion du Comité de coordination',
  startsOn: MEETING_START,
  endsOn: MEETING_START,
  place: 'Genève',
  year: YEAR,
  agenda: '',
  ...over,
});

interface Fixture {
  db: Db;
  agent: Agent;
  meetings: { first: number; previous: number; current: number; pastIntersessional: number; nextIntersessional: number };
  /** The engine data as it stood at the window's start and end, read from the tables then. */
  dataThen: { start: ReturnType<typeof readEngineData>; end: ReturnType<typeof readEngineData> };
}

async function fixture(): Promise<Fixture> {
  const { db, app } = testApp();
  // The seed's registry entries are dated now, when the test runs: date them as an installation
  // long before the meetings, as they would be in a real database.
  db.update(auditEntries).set({ at: '2025-01-01T00:00:00.000Z' }).run();
  const admin = await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'membre@example.org', 'member', ['coordination']);
  const web: Actor = { userId: admin.id, label: 'admin@example.org', origin: 'web' };
  const write = (at: string, change: (tx: Db) => void) => withAudit(db, web, change, { now: new Date(at) });
  const answer17 = (state: string, answer: 'yes' | 'no') => ({ year: YEAR, state, indicator: '17.1', answer });

  // Before the window (and before any Committee meeting).
  write('2025-06-01T09:00:00.000Z', (tx) => {
    for (const state of AFFECTED) {
      for (const year of [2025, YEAR]) tx.insert(populationMemberships).values({ year, state, population: 'affected' }).run();
    }
    for (const state of VICTIMS) tx.insert(populationMemberships).values({ year: YEAR, state, population: 'victims' }).run();
    for (const state of ARTICLE4) tx.insert(populationMemberships).values({ year: YEAR, state, population: 'article4' }).run();
    // TCD and UKR send no report in 2025 nor 2026: early-warning flags.
    for (const state of ['AFG', 'COL', 'KHM'])
      tx.insert(reports).values({ year: 2025, state, receivedOn: '2025-04-10', usedReportingGuide: true }).run();
    tx.insert(reports).values({ year: YEAR, state: 'AFG', receivedOn: '2026-03-01', usedReportingGuide: true }).run();
    tx.insert(answers)
      .values([answer17('AFG', 'yes'), answer17('COL', 'no')])
      .run();
    validateReports(tx, [{ year: YEAR, state: 'AFG' }], admin.id, '2025-06-01T09:00:00.000Z');
  });
  const start = readEngineData(db);

  // Inside the window.
  write('2026-05-02T08:00:00.000Z', (tx) =>
    tx.insert(reports).values({ year: YEAR, state: 'COL', receivedOn: '2026-04-20', usedReportingGuide: true }).run(),
  );
  write('2026-05-03T08:00:00.000Z', (tx) =>
    tx.insert(reports).values({ year: YEAR, state: 'KHM', receivedOn: '2026-05-15', usedReportingGuide: false }).run(),
  );
  write('2026-05-04T08:00:00.000Z', (tx) =>
    tx
      .update(answers)
      .set({ answer: 'yes' })
      .where(and(eq(answers.year, YEAR), eq(answers.state, 'COL'), eq(answers.indicator, '17.1')))
      .run(),
  );
  write('2026-05-05T08:00:00.000Z', (tx) =>
    tx.insert(answers).values({ year: YEAR, state: 'COL', indicator: '46.1', answer: 'yes' }).run(),
  );
  write('2026-05-06T08:00:00.000Z', (tx) => validateReports(tx, [{ year: YEAR, state: 'COL' }], admin.id, '2026-05-06T08:00:00.000Z'));
  // A State Party without Article 5 obligations.
  write('2026-05-07T08:00:00.000Z', (tx) => {
    tx.insert(reports).values({ year: YEAR, state: 'NOR', receivedOn: '2026-04-28', usedReportingGuide: false }).run();
    validateReports(tx, [{ year: YEAR, state: 'NOR' }], admin.id, '2026-05-07T08:00:00.000Z');
  });
  const end = readEngineData(db);

  // After the window: none of it is in the pack.
  write('2026-10-01T08:00:00.000Z', (tx) => tx.insert(answers).values(answer17('KHM', 'yes')).run());
  write('2026-10-02T08:00:00.000Z', (tx) =>
    tx.insert(reports).values({ year: 2027, state: 'COL', receivedOn: '2026-10-02', usedReportingGuide: true }).run(),
  );
  write('2026-10-03T08:00:00.000Z', (tx) => validateReports(tx, [{ year: YEAR, state: 'KHM' }], admin.id, '2026-10-03T08:00:00.000Z'));

  const guidelines = readMeetingGuidelines();
  const source = speakerSource(new EngineSnapshot(readEngineData(db)), guidelines);
  const create = (d: MeetingDetails) => createMeeting(db, d, source, { userId: null });
  const meetings = {
    first: create(details({ title: 'Première réunion du Comité', startsOn: '2025-11-01', endsOn: '2025-11-01', year: 2025 })),
    previous: create(details({ title: 'Réunion de mars', startsOn: PREVIOUS_START, endsOn: PREVIOUS_START })),
    current: create(
      details({
        title: 'Réunion de septembre',
        agenda: 'Ouverture\n\nExamen des rapports reçus\nPréparation des réunions intersessions\n',
      }),
    ),
    // Over before the Committee meets: not the next intersessional meeting.
    pastIntersessional: create(
      details({ kind: 'intersessional', title: 'Intersessions de juin', startsOn: '2026-06-16', endsOn: '2026-06-18', year: 2025 }),
    ),
    nextIntersessional: create(
      details({ kind: 'intersessional', title: 'Intersessions d’octobre', startsOn: '2026-10-20', endsOn: '2026-10-22', year: YEAR }),
    ),
  };
  const next = readMeeting(db, meetings.nextIntersessional)!;
  setOtherInterventions(db, next.id, next.version, 4, 2, { userId: null });
  const agent = await signedInAgent(app, 'membre@example.org');
  return { db, agent, meetings, dataThen: { start, end } };
}

/** Adds a Committee meeting once the fixture is built (its speakers' source read from the data now). */
const addCoordination = (db: Db, over: Partial<MeetingDetails>) =>
  createMeeting(db, details(over), speakerSource(new EngineSnapshot(readEngineData(db)), readMeetingGuidelines()), { userId: null });

/** A mechanism's section of the pack. */
const sectionOf = (html: string, mechanism: string) =>
  fragment(html, `<section class="pack-mechanism" id="mecanisme-${mechanism}"`, '</section>');
/** The part of a mechanism's section under one of its headings, up to the next. */
const partOf = (section: string, part: string) => {
  const from = section.indexOf(`<h3 id="mecanisme-`);
  const start = section.indexOf(`-${part}">`, from);
  if (start < 0) throw new Error(`no part ${part}`);
  const next = section.indexOf('<h3', start);
  return section.slice(start, next < 0 ? undefined : next);
};
const statesIn = (html: string) => [...html.matchAll(/data-state="([A-Z]{3})"/g)].map((m) => m[1]);
const indicatorsIn = (html: string) => [...html.matchAll(/data-indicator="([0-9.]+)"/g)].map((m) => m[1]);

/** « n / N (p %) » of a share whose yes-States and population are given. */
const shareText = (yes: string[], population: string[]) =>
  expectedValueText({
    kind: 'share',
    numerator: yes.length,
    denominator: population.length,
    value: (100 * yes.length) / population.length,
  });

describe('the Coordinating Committee’s pack (/espace/reunions/:id/dossier)', () => {
  let f: Fixture;
  let html: string;

  beforeAll(async () => {
    f = await fixture();
    const response = await f.agent.get(`/espace/reunions/${f.meetings.current}/dossier`);
    expect(response.status).toBe(200);
    html = response.text;
  });

  test('is valid HTML and says the meeting, its agenda and the window since the previous meeting', async () => {
    expect(await htmlProblems(html)).toEqual([]);
    const text = textOf(html);
    expect(text).toContain('Dossier du Comité de coordination — Réunion de septembre');
    expect(text).toContain(`Modifications du ${formatDate(PREVIOUS_START)} au ${formatDate(MEETING_START)}`);
    expect(textOf(fragment(html, '<ol class="pack__agenda">', '</ol>'))).toBe(
      'Ouverture Examen des rapports reçus Préparation des réunions intersessions',
    );
    expect(html).toContain(`href="/espace/reunions/${f.meetings.current}"`);
    expect(html).toContain(`href="/espace/reunions/${f.meetings.previous}"`);
  });

  test('has a section for each mechanism that leads actions, in catalogue order, and none for the Coordinating Committee', () => {
    const ids = [...html.matchAll(/<section class="pack-mechanism" id="mecanisme-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['president', 'article5', 'victim-assistance', 'cooperation', 'compliance']);
  });

  test('lists each report received or validated in the window once, with the committees it concerns', () => {
    const table = fragment(html, '<table class="data-table pack-reports">', '</table>');
    // In French order (Cambodge, Colombie, Norvège), newest year first; each once.
    expect(statesIn(table)).toEqual(['KHM', 'COL', 'NOR']);
    const row = (iso3: string) => textOf(fragment(table, `data-state="${iso3}"`, '</tr>'));
    // COL's answers to the listed mechanisms' indicators: 17.1 (Article 5) and 46.1 (compliance).
    expect(row('COL')).toContain(`${formatDate('2026-04-20')} dans les délais ${formatDate('2026-05-06')} admin@example.org 2`);
    expect(row('KHM')).toContain(`${formatDate('2026-05-15')} en retard — —`);
    // NOR has no Article 5 obligations: only the committees whose indicators look at every State Party.
    expect(row('COL')).toMatch(/A5 .*RO$/);
    expect(row('NOR')).toMatch(/RO$/);
    expect(row('NOR')).not.toContain('A5');
    expect(textOf(html)).toContain('A5 : Comité sur l’application de l’article 5');
    expect(row('NOR')).toContain(`${formatDate('2026-04-28')} dans les délais ${formatDate('2026-05-07')} admin@example.org 0`);
    // No mechanism section repeats them.
    expect(sectionOf(html, 'article5')).not.toContain('data-state=');
  });

  test('opens with an overview in figures: across the plan, then per mechanism', () => {
    const overview = fragment(html, '<section class="pack-overview"', '</section>');
    const text = textOf(overview);
    expect(text).toContain('3 Rapports reçus (2 dans les délais, 1 en retard)');
    expect(text).toContain('2 Rapports validés');
    const moved = new Set(
      ['president', 'article5', 'victim-assistance', 'cooperation', 'compliance'].flatMap((m) =>
        indicatorsIn(partOf(sectionOf(html, m), 'indicateurs')),
      ),
    );
    expect(text).toContain(`${moved.size} Indicateurs qui ont évolué (${YEAR})`);
    expect(text).toContain(`2 États signalés par l’alerte précoce (${YEAR})`);
    const article5 = textOf(fragment(overview, 'data-mechanism="article5"', '</tr>'));
    // Reports KHM and COL; 17.1 in progress; TCD flagged; item 4 at the next intersessional meeting.
    expect(article5).toMatch(/> Comité sur l’application de l’article 5 2 1 0 0 1 point 4 : \d+ min$/);
  });

  test('lists the indicators that moved in the window, with their values then computed from the data', () => {
    const article5 = partOf(sectionOf(html, 'article5'), 'indicateurs');
    expect(indicatorsIn(article5)).toEqual(['17.1']);
    const row = textOf(fragment(article5, 'data-indicator="17.1"', '</tr>'));
    expect(row).toContain(shareText(YES_17_1.before, AFFECTED));
    expect(row).toContain(shareText(YES_17_1.end, AFFECTED));
    // KHM's yes came after the window: the end value is not the current one.
    expect(row).not.toContain(shareText(YES_17_1.now, AFFECTED));
    expect(row).toContain('en progrès');

    const compliance = partOf(sectionOf(html, 'compliance'), 'indicateurs');
    expect(indicatorsIn(compliance)).toEqual(['8.1', '8.2', '46.1', '46.2']);
    const parties = new EngineSnapshot(readEngineData(f.db)).year(YEAR).populations.get('party').size;
    const count461 = (n: number) => ({ kind: 'count' as const, value: n, numerator: n, denominator: parties });
    const row461 = textOf(fragment(compliance, 'data-indicator="46.1"', '</tr>'));
    expect(row461).toContain(`${expectedValueText(count461(0))} ${expectedValueText(count461(1))}`);
    // Fewer is better for 46.1 (alleged use).
    expect(row461).toContain('en recul');
    const row462 = textOf(fragment(compliance, 'data-indicator="46.2"', '</tr>'));
    expect(row462).toMatch(/sans objet .*0 \/ 1/);
    expect(row462).toContain('modifié');

    expect(textOf(partOf(sectionOf(html, 'president'), 'indicateurs'))).toContain('Aucun indicateur n’a changé');
  });

  test('lists the open early-warning flags once, with the committees that follow each State', () => {
    const flags = fragment(html, '<ul class="flags pack-flags">', '</ul>');
    expect(statesIn(flags)).toEqual(['TCD', 'UKR']);
    expect(textOf(flags)).toContain('Tchad : Aucun rapport au titre de l’article 7 en 2025 ni en 2026');
    // UKR (Article 4) is outside the populations of the Article 5 committee's indicators; action 47 follows every one.
    expect(textOf(fragment(flags, 'data-state="TCD"', '</li>'))).toMatch(/\(.*A5.*\)/);
    expect(textOf(fragment(flags, 'data-state="UKR"', '</li>'))).not.toContain('A5');
  });

  test('says « aucun » where a list is empty', async () => {
    // A month after the first Committee meeting, when nothing happened (the September meeting's previous one stays March's).
    const quiet = addCoordination(f.db, { title: 'Réunion de décembre 2025', startsOn: '2025-12-01', endsOn: '2025-12-01' });
    const response = await f.agent.get(`/espace/reunions/${quiet}/dossier`).expect(200);
    const article5 = sectionOf(response.text, 'article5');
    expect(textOf(response.text)).toContain('Aucun rapport reçu ni validé pendant la période.');
    expect(textOf(partOf(article5, 'indicateurs'))).toContain('Aucun indicateur n’a changé de valeur pendant la période.');
    // Flags are those open now, whatever the window.
    expect(statesIn(fragment(response.text, '<ul class="flags pack-flags">', '</ul>'))).toEqual(['TCD', 'UKR']);
  });

  test('gives each mechanism its item of the next intersessional meeting, with speakers and minutes', () => {
    const guidelines = readMeetingGuidelines();
    const item4 = guidelines.items.find((i) => i.mechanism === 'article5')!;
    const group = item4.groups.find((g) => g.population === 'affected')!;
    const part = partOf(sectionOf(html, 'article5'), 'intersessions');
    expect(part).toContain(`href="/espace/reunions/${f.meetings.nextIntersessional}"`);
    expect(part).not.toContain(`href="/espace/reunions/${f.meetings.pastIntersessional}"`);
    const table = fragment(part, `data-item="${item4.number}"`, '</table>');
    expect(textOf(table)).toContain(
      `${group.name} (${group.minutes} min chacun) Afghanistan, Cambodge, Colombie, Tchad ${AFFECTED.length * group.minutes} min`,
    );
    const total = AFFECTED.length * group.minutes + 2 * guidelines.otherSpeakers.minutes;
    expect(textOf(table)).toContain(`${guidelines.otherSpeakers.name} 2 interventions prévues ${2 * guidelines.otherSpeakers.minutes} min`);
    expect(textOf(fragment(table, '<tfoot>', '</tfoot>'))).toBe(`Total du point ${item4.number} ${total} min`);

    const item3 = guidelines.items.find((i) => i.mechanism === 'victim-assistance')!;
    const victimsTable = fragment(partOf(sectionOf(html, 'victim-assistance'), 'intersessions'), `data-item="${item3.number}"`, '</table>');
    expect(textOf(fragment(victimsTable, '<tfoot>', '</tfoot>'))).toBe(
      `Total du point ${item3.number} ${VICTIMS.length * item3.groups[0]!.minutes} min`,
    );
  });

  test('the first Committee meeting’s pack goes back to the start of the audit trail, and says so', async () => {
    const response = await f.agent.get(`/espace/reunions/${f.meetings.first}/dossier`).expect(200);
    expect(await htmlProblems(response.text)).toEqual([]);
    const text = textOf(response.text);
    expect(text).toContain(`Modifications depuis le début du journal jusqu’au ${formatDate('2025-11-01')}`);
    expect(text).toContain('Ordre du jour non encore saisi');
    // Its window holds the reports entered in June 2025 (newest year first, then in French order), none of 2026's.
    expect(statesIn(fragment(response.text, '<table class="data-table pack-reports">', '</table>'))).toEqual(['AFG', 'AFG', 'KHM', 'COL']);
    // The next intersessional meeting after November 2025 is June 2026's.
    expect(partOf(sectionOf(response.text, 'article5'), 'intersessions')).toContain(
      `href="/espace/reunions/${f.meetings.pastIntersessional}"`,
    );
  });

  test('without an intersessional meeting to come, says none is prepared', async () => {
    const later = addCoordination(f.db, { title: 'Réunion de décembre', startsOn: '2026-12-01', endsOn: '2026-12-01' });
    const response = await f.agent.get(`/espace/reunions/${later}/dossier`).expect(200);
    expect(textOf(partOf(sectionOf(response.text, 'article5'), 'intersessions'))).toContain(
      'Aucune réunion intersessions à venir n’est préparée.',
    );
  });

  test('answers 404 for a meeting that is not the Coordinating Committee’s, and for an unknown one', async () => {
    const intersessional = await f.agent.get(`/espace/reunions/${f.meetings.nextIntersessional}/dossier`);
    expect(intersessional.status).toBe(404);
    expect(textOf(intersessional.text)).toContain('Le dossier du Comité de coordination n’existe que pour ses réunions');
    expect((await f.agent.get('/espace/reunions/99999/dossier')).status).toBe(404);
  });

  test('is for signed-in users only', async () => {
    const { app } = testApp(f.db);
    const visitor = await signedInAgent(app, null);
    const response = await visitor.get(`/espace/reunions/${f.meetings.current}/dossier`);
    expect(response.status).not.toBe(200);
  });

  test('the audit entries since a moment, undone, give back the data the tables held then', () => {
    const current = readEngineData(f.db);
    const window = packWindow(PREVIOUS_START, MEETING_START, new Date());
    const sorted = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const [moment, then] of [
      [window.from!, f.dataThen.start],
      [window.until, f.dataThen.end],
    ] as const) {
      const rebuilt = dataAt(current, auditEntriesSince(f.db, moment));
      for (const table of ['answers', 'reports', 'memberships', 'figures', 'states'] as const) {
        expect(sorted(rebuilt[table])).toEqual(sorted(then[table]));
      }
    }
  });
});

describe('packWindow', () => {
  const now = new Date('2026-11-23T14:00:00.000Z');

  test('runs from the previous meeting’s first day to this one’s, at midnight UTC', () => {
    expect(packWindow('2026-03-10', '2026-09-15', now)).toEqual({ from: '2026-03-10T00:00:00.000Z', until: '2026-09-15T00:00:00.000Z' });
  });

  test('stops now when the meeting is still to come, and starts with the trail without a previous meeting', () => {
    expect(packWindow(null, '2027-01-10', now)).toEqual({ from: null, until: now.toISOString() });
  });

  test('is empty, not reversed, when both meetings are still to come', () => {
    expect(packWindow('2027-01-10', '2027-03-01', now)).toEqual({ from: '2027-01-10T00:00:00.000Z', until: '2027-01-10T00:00:00.000Z' });
  });
});
