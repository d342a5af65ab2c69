import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { answers, indicators, mechanismActions, meetings, reports, states, validations } from '../../../db/schema';
import { readEngineData } from '../../../server/domain/stored-data';
import { readCatalogue } from '../../../server/domain/catalogue';
import { EngineSnapshot } from '../../../server/domain/engine/engine';
import { isPartyInYear } from '../../../server/domain/registry';
import { todayInGeneva } from '../../../server/domain/geneva';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { testApp } from '../../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { demoDatabase } from '../../helpers/pages';
import { createTestUser, csrfTokenOf, signedInAgent } from '../../helpers/session';

/**
 * « Mon comité » (issue 16, point 4): a member's workspace home counts what their committees have
 * to do, and the workspace's reports list filters and sorts by the columns people ask for. Every
 * expected figure is computed here from the database's tables (the populations from the engine,
 * which derives them), never typed.
 */

jest.setTimeout(180_000);

const MEMBER = 'conformite@example.org';
const MECHANISM = 'compliance';
const YEAR = 2026;

/** The (State) rows of the reports list, in order, with their cells as text. */
function listRows(html: string): { name: string; cells: string[] }[] {
  const body = fragment(html, '<tbody>', '</tbody>');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => m[1]!)
    .filter((row) => row.includes('<th scope="row">'))
    .map((row) => ({
      name: textOf(/<th scope="row">([\s\S]*?)<\/th>/.exec(row)![1]!).replace(/ \(non partie\)$/, ''),
      cells: [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]!)),
    }));
}
// Columns after the State: status, late, answers, missing, alerts, report, link.
const LATE = 1;
const MISSING = 3;
const ALERTS = 4;

const countOn = (html: string, key: string) => Number(textOf(fragment(html, `<li id="a-faire-${key}">`, '</strong>')));

function expected(db: Db, mechanisms: string[], today: string) {
  const mine = new Set(
    db
      .select()
      .from(mechanismActions)
      .all()
      .filter((l) => mechanisms.includes(l.mechanism))
      .map((l) => l.action),
  );
  const actionOf = new Map(
    db
      .select()
      .from(indicators)
      .all()
      .map((i) => [i.code, i.action]),
  );
  const answerRows = db.select().from(answers).where(eq(answers.year, YEAR)).all();
  const reportRows = db.select().from(reports).where(eq(reports.year, YEAR)).all();
  const validated = new Set(
    db
      .select()
      .from(validations)
      .where(eq(validations.year, YEAR))
      .all()
      .map((v) => v.state),
  );
  // Drafts: a report or answers, no validation; waiting for this member when they concern one of their actions.
  const concerned = new Map<string, Set<number>>();
  for (const a of answerRows) concerned.set(a.state, (concerned.get(a.state) ?? new Set()).add(actionOf.get(a.indicator)!));
  for (const r of reportRows) concerned.set(r.state, (concerned.get(r.state) ?? new Set()).add(8));
  const toValidate = [...concerned].filter(([state, actions]) => !validated.has(state) && [...actions].some((a) => mine.has(a))).length;

  // Missing: (indicator, State) pairs of the member's answerable indicators, State in the population, no answer row.
  const catalogue = readCatalogue(db);
  const engine = new EngineSnapshot(readEngineData(db, catalogue));
  const populations = engine.year(YEAR).populations;
  const answered = new Set(answerRows.map((a) => `${a.indicator}|${a.state}`));
  let missing = 0;
  for (const action of catalogue.actions.filter((a) => mine.has(a.number))) {
    for (const i of action.indicators) {
      if (!((i.kind === 'share' || i.kind === 'count') && i.derivedFrom === null && i.populationRef)) continue;
      for (const state of populations.get(i.populationRef.key, i.populationRef.of)) if (!answered.has(`${i.code}|${state}`)) missing++;
    }
  }

  // Early warnings (this committee follows action 47, so all of them): States with obligations, no report this year nor the year before.
  const reported = new Set(
    db
      .select()
      .from(reports)
      .all()
      .filter((r) => r.year === YEAR || r.year === YEAR - 1)
      .map((r) => r.state),
  );
  const warnings = [...populations.get('obligations')].filter((s) => !reported.has(s)).length;

  // Late: States party whose report came after 30 April, or has not come and 30 April has passed.
  const receivedOn = new Map(reportRows.map((r) => [r.state, r.receivedOn]));
  const late = db
    .select()
    .from(states)
    .all()
    .filter((s) => isPartyInYear(s, YEAR))
    .filter((s) => (receivedOn.has(s.iso3) ? receivedOn.get(s.iso3)! > `${YEAR}-04-30` : today > `${YEAR}-04-30`)).length;

  const items = readMeetingGuidelines().items.filter((i) => mechanisms.includes(i.mechanism)).length;
  return { actions: mine.size, toValidate, missing, warnings, late, items };
}

describe('« Mon comité » and the reports list', () => {
  test('a member’s home counts what the data holds, and each count leads to a list that says the same', async () => {
    const db = demoDatabase();
    const { app } = testApp(db);
    await createTestUser(db, MEMBER, 'member', [MECHANISM]);
    const today = todayInGeneva(new Date());
    const startsOn = `${Number(today.slice(0, 4)) + 1}-05-18`;
    const [meeting] = db
      .insert(meetings)
      .values({
        kind: 'intersessional',
        title: 'Réunions intersessions',
        startsOn,
        endsOn: startsOn,
        place: 'Genève',
        year: YEAR,
        createdAt: today,
        updatedAt: today,
      })
      .returning()
      .all();
    // A draft: an admin enters the report of a State party that has none (report: action 8, this committee's).
    await createTestUser(db, 'uaa@example.org', 'admin');
    const admin = await signedInAgent(app, 'uaa@example.org');
    const withReport = new Set(
      db
        .select()
        .from(reports)
        .where(eq(reports.year, YEAR))
        .all()
        .map((r) => r.state),
    );
    const draftState = db
      .select()
      .from(states)
      .all()
      .find((s) => isPartyInYear(s, YEAR) && !withReport.has(s.iso3))!;
    const form = await admin.get(`/espace/saisie/${YEAR}/${draftState.iso3}`).expect(200);
    await admin
      .post(`/espace/saisie/${YEAR}/${draftState.iso3}`)
      .type('form')
      .send({
        _csrf: csrfTokenOf(form.text),
        version: /name="version" value="([0-9]+)"/.exec(form.text)![1],
        section: 'rapport',
        received_on: `${YEAR}-03-01`,
        used_reporting_guide: 'no',
      })
      .expect(303);

    const agent = await signedInAgent(app, MEMBER);
    const home = await agent.get(`/espace?annee=${YEAR}`).expect(200);
    expect(await htmlProblems(home.text)).toEqual([]);
    const want = expected(db, [MECHANISM], today);
    // The figures mean something only if the data has some of each.
    expect(want.toValidate).toBeGreaterThan(0);
    expect(want.missing).toBeGreaterThan(0);
    expect(want.warnings).toBeGreaterThan(0);

    expect(countOn(home.text, 'actions')).toBe(want.actions);
    expect(countOn(home.text, 'validation')).toBe(want.toValidate);
    expect(countOn(home.text, 'missing')).toBe(want.missing);
    expect(countOn(home.text, 'warnings')).toBe(want.warnings);
    expect(countOn(home.text, 'late')).toBe(want.late);
    expect(countOn(home.text, 'meeting')).toBe(want.items);
    expect(hrefsOf(fragment(home.text, '<li id="a-faire-meeting">', '</li>\n'))).toContain(`/espace/reunions/${meeting!.id}#point-6`);

    // The lists behind the counts.
    const alerts = listRows((await agent.get(`/espace/saisie/${YEAR}?alerte=oui`).expect(200)).text);
    expect(alerts).toHaveLength(want.warnings);
    const late = listRows((await agent.get(`/espace/saisie/${YEAR}?retard=oui`).expect(200)).text);
    expect(late).toHaveLength(want.late);
    expect(late.every((r) => r.cells[LATE] === 'oui')).toBe(true);
    const missing = listRows((await agent.get(`/espace/saisie/${YEAR}?manquantes=oui&tri=manquantes`).expect(200)).text);
    expect(missing.reduce((sum, r) => sum + Number(r.cells[MISSING]), 0)).toBe(want.missing);

    // Another year is chosen in the address; a year outside the plan is a clear 400.
    expect((await agent.get('/espace?annee=2025').expect(200)).text).toContain('Mon comité en 2025');
    const bad = await agent.get('/espace?annee=1990').expect(400);
    expect(textOf(bad.text)).toContain('L’année « 1990 » n’est pas une année du plan');
  });

  test('the reports list filters and sorts by State, status, late, missing and alerts; unknown values are a clear 400', async () => {
    const db = demoDatabase();
    const { app } = testApp(db);
    await createTestUser(db, 'uaa@example.org', 'admin');
    const agent = await signedInAgent(app, 'uaa@example.org');
    const all = listRows((await agent.get(`/espace/saisie/${YEAR}`).expect(200)).text);
    const byName = (a: string, b: string) => a.localeCompare(b, 'fr');
    expect(all.map((r) => r.name)).toEqual(all.map((r) => r.name).sort(byName));

    const reversed = await agent.get(`/espace/saisie/${YEAR}?tri=etat&ordre=decroissant`).expect(200);
    expect(listRows(reversed.text).map((r) => r.name)).toEqual(all.map((r) => r.name).reverse());
    expect(reversed.text).toMatch(/<th scope="col" aria-sort="descending"><a href="\/espace\/saisie\/2026">État/);

    const byMissing = await agent.get(`/espace/saisie/${YEAR}?tri=manquantes`).expect(200);
    expect(await htmlProblems(byMissing.text)).toEqual([]);
    const missing = listRows(byMissing.text).map((r) => Number(r.cells[MISSING]));
    expect(missing).toEqual([...missing].sort((a, b) => b - a));
    expect(missing[0]).toBeGreaterThan(missing.at(-1)!);

    const byAlerts = listRows((await agent.get(`/espace/saisie/${YEAR}?tri=alertes&ordre=croissant`).expect(200)).text).map((r) =>
      Number(r.cells[ALERTS]!.split(' ')[0]),
    );
    expect(byAlerts).toEqual([...byAlerts].sort((a, b) => a - b));

    // State: part of the name or the ISO3 code.
    expect(listRows((await agent.get(`/espace/saisie/${YEAR}?etat=col`).expect(200)).text).map((r) => r.name)).toContain('Colombie');
    expect(
      listRows((await agent.get(`/espace/saisie/${YEAR}?etat=COL`).expect(200)).text).every(
        (r) => /col/i.test(r.name) || r.name === 'Colombie',
      ),
    ).toBe(true);

    // Status and late together: each row meets both.
    const drafts = db
      .select()
      .from(reports)
      .where(and(eq(reports.year, YEAR)))
      .all().length;
    expect(drafts).toBeGreaterThan(0);
    const lateDrafts = listRows((await agent.get(`/espace/saisie/${YEAR}?statut=brouillon&retard=oui`).expect(200)).text);
    expect(lateDrafts.every((r) => r.cells[0] === 'brouillon' && r.cells[LATE] === 'oui')).toBe(true);

    for (const [query, message] of [
      ['tri=pays', 'Le tri « pays » n’existe pas'],
      ['ordre=haut', 'L’ordre « haut » n’existe pas'],
      ['retard=peut-etre', 'Le filtre « retard » vaut « oui » ou rien'],
      ['statut=toString', 'Le statut « toString » n’existe pas'],
      [`etat=${'x'.repeat(61)}`, 'Le filtre « État » compte 60 caractères au plus'],
    ] as const) {
      const refused = await agent.get(`/espace/saisie/${YEAR}?${query}`);
      expect(refused.status).toBe(400);
      expect(textOf(refused.text)).toContain(message);
    }
    // Repeated parameters take the first value, never a 500.
    expect((await agent.get(`/espace/saisie/${YEAR}?tri=etat&tri=statut`)).status).toBe(200);
  });
});
