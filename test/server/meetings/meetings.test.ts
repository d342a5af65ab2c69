import { eq } from 'drizzle-orm';
import { meetings, meetingSpeakers } from '../../../db/schema';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { signedInAgent, type Agent } from '../../helpers/session';
import { addMemberships, INTERSESSIONAL, meetingApp, YEAR } from './fixture';

const guidelines = readMeetingGuidelines();
const groupOf = (key: string) => guidelines.items.flatMap((i) => i.groups).find((g) => g.key === key)!;

/** The section of a speaker group in the meeting page. */
const groupSection = (html: string, key: string) => fragment(html, `aria-labelledby="groupe-${key}"`, '</section>');
/** The States of a group as the page lists them, in order. */
const listed = (html: string, key: string) =>
  [...groupSection(html, key).matchAll(/<th scope="row">([^<]+)/g)].map((m) => textOf(m[1]!).trim());
/** The States of a group's own page (its one table), in order. */
const listedOnGroupPage = (html: string) =>
  [...fragment(html, '<tbody>', '</tbody>').matchAll(/<th scope="row">([^<]+)/g)].map((m) => textOf(m[1]!).trim());
const pageVersion = (html: string) => /name="version" value="([0-9]+)"/.exec(html)![1]!;
/** « 1 h 05 min » → 65. */
function minutesIn(text: string): number {
  const match = /(?:(\d+)\s*h)?\s*(?:(\d+)\s*min)?/.exec(text.replace(/\u00a0/g, ' ').trim());
  return Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
}
/** The durations of the summary table: item number → minutes, and the total. */
function summary(html: string): { items: Map<number, number>; total: number } {
  const table = fragment(html, '<table class="data-table" id="temps-table">', '</table>');
  const items = new Map<number, number>();
  for (const row of table.matchAll(
    /<tr><th scope="row"><a href="#point-(\d)">\d<\/a><\/th>(?:<td>[^<]*<\/td>){3}<td>([^<]+)<\/td><\/tr>/g,
  )) {
    items.set(Number(row[1]), minutesIn(row[2]!));
  }
  const total = /Total de la réunion<\/th><td>\d+<\/td><td>\d+<\/td><td><strong>([^<]+)<\/strong>/.exec(table)![1]!;
  return { items, total: minutesIn(total) };
}

async function createMeeting(agent: Agent, fields: Record<string, string> = INTERSESSIONAL): Promise<string> {
  const response = await agent
    .post('/espace/reunions')
    .type('form')
    .send({ _csrf: await agent.csrf(), ...fields })
    .expect(303);
  return response.headers.location!.replace(/[?#].*$/, '');
}

async function post(agent: Agent, path: string, fields: Record<string, string>, pageUrl: string) {
  const page = await agent.get(pageUrl).expect(200);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: await agent.csrf(), version: pageVersion(page.text), ...fields });
}

describe('meetings: create, edit, list (/espace/reunions)', () => {
  test('a committee member creates the next intersessional meeting; the list shows it; the pages are valid HTML', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const form = await member.get('/espace/reunions/nouvelle').expect(200);
    expect(await htmlProblems(form.text)).toEqual([]);
    const url = await createMeeting(member);
    expect(url).toMatch(/^\/espace\/reunions\/\d+$/);
    const page = await member.get(url).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(textOf(page.text)).toContain('Réunions intersessions, du 16 juin 2026 au 19 juin 2026, Genève, CICG. Rapports examinés : 2026');
    expect(textOf(page.text)).toContain('Dernière modification par membre@example.org');
    const list = await member.get('/espace/reunions').expect(200);
    expect(await htmlProblems(list.text)).toEqual([]);
    expect(list.text).toContain(`<a href="${url}">Réunions intersessions 2026</a>`);
  });

  test('a form with mistakes is refused, field by field, and nothing is created', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const response = await admin
      .post('/espace/reunions')
      .type('form')
      .send({
        _csrf: await admin.csrf(),
        ...INTERSESSIONAL,
        kind: 'colloque',
        title: '',
        startsOn: '2026-06-31',
        endsOn: '2026-06-01',
        year: '2031',
      })
      .expect(400);
    expect(await htmlProblems(response.text)).toEqual([]);
    const text = textOf(response.text);
    expect(text).toContain('Type de réunion : choisissez');
    expect(text).toContain('Intitulé : obligatoire');
    expect(text).toContain('Premier jour : date impossible « 2026-06-31 »');
    expect(text).toContain('Année des rapports examinés : année invalide « 2031 »');
    expect(response.text).toContain('href="#startsOn"');
    expect(response.text).toContain('value="Genève, CICG"');
    expect(db.select().from(meetings).all()).toEqual([]);
    const order = await admin
      .post('/espace/reunions')
      .type('form')
      .send({ _csrf: await admin.csrf(), ...INTERSESSIONAL, endsOn: '2026-06-01' })
      .expect(400);
    expect(textOf(order.text)).toContain('Dernier jour : il précède le premier jour de la réunion.');
  });

  test('editing the details needs the version the form was opened with; a stale form is refused and keeps what was typed', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const admin = await signedInAgent(app, 'admin@example.org');
    const url = await createMeeting(member);
    const id = Number(url.split('/').pop());
    const memberForm = await member.get(`${url}/modifier`).expect(200);
    expect(await htmlProblems(memberForm.text)).toEqual([]);
    const version = pageVersion(memberForm.text);
    await admin
      .post(url)
      .type('form')
      .send({ _csrf: await admin.csrf(), version, ...INTERSESSIONAL, place: 'Genève, Palais des Nations' })
      .expect(303);
    const stale = await member
      .post(url)
      .type('form')
      .send({ _csrf: await member.csrf(), version, ...INTERSESSIONAL, place: 'Siem Reap' })
      .expect(409);
    expect(textOf(stale.text)).toContain('Cette réunion a été modifiée par admin@example.org');
    expect(stale.text).toContain('value="Siem Reap"');
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.place).toBe('Genève, Palais des Nations');
  });

  test('observers read meetings but cannot prepare them; visitors are sent to sign in', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member);
    const observer = await signedInAgent(app, 'observateur@example.org');
    const page = await observer.get(url).expect(200);
    expect(page.text).not.toContain('<form method="post" action="/espace/reunions');
    // No link to the groups' pages, which are forms only: the plan shows their lists as they are.
    expect(page.text).not.toContain(`${url}/groupes/`);
    expect(textOf(page.text)).not.toContain('Modifier la liste');
    expect(listed(page.text, 'victims')).toEqual(['Afghanistan', 'Cambodge', 'Colombie']);
    await observer.get(`${url}/groupes/victims`).expect(403);
    await observer.get('/espace/reunions/nouvelle').expect(403);
    await observer
      .post('/espace/reunions')
      .type('form')
      .send({ _csrf: await observer.csrf(), ...INTERSESSIONAL })
      .expect(403);
    await observer
      .post(`${url}/groupes/victims`)
      .type('form')
      .send({ _csrf: await observer.csrf(), version: '1', 'rank:COL': '1' })
      .expect(403);
    await observer
      .post(`${url}/groupes/all-parties-compliance/orateurs`)
      .type('form')
      .send({ _csrf: await observer.csrf(), version: '1', state: 'NOR' })
      .expect(403);
    const visitor = await signedInAgent(app, null);
    const redirect = await visitor.get('/espace/reunions').expect(303);
    expect(redirect.headers.location).toBe('/connexion?retour=%2Fespace%2Freunions');
    await member.get('/espace/reunions/999').expect(404);
  });
});

describe('the intersessional plan built from the year’s populations', () => {
  test('groups, their speakers in French alphabetical order, their time and their questions', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const page = await member.get(await createMeeting(member)).expect(200);
    expect(listed(page.text, 'victims')).toEqual(['Afghanistan', 'Cambodge', 'Colombie']);
    expect(listed(page.text, 'extension-request')).toEqual(['Équateur']);
    expect(listed(page.text, 'workplan-update')).toEqual(['Tchad']);
    expect(listed(page.text, 'other-affected')).toEqual(['Afghanistan', 'Cambodge', 'Colombie', 'Érythrée', 'Éthiopie']);
    expect(listed(page.text, 'providing-assistance')).toEqual(['Allemagne', 'Belgique', 'Norvège']);
    expect(listed(page.text, 'alleged-use')).toEqual(['Ukraine']);
    expect(listed(page.text, 'article3')).toEqual(['Allemagne', 'Belgique']);
    expect(listed(page.text, 'all-parties-compliance')).toEqual([]);
    // Each group's questions, verbatim and in order, in its own section and nowhere else.
    for (const item of guidelines.items) {
      for (const group of item.groups) {
        const section = textOf(groupSection(page.text, group.key));
        let from = 0;
        for (const question of group.questions) {
          const at = section.indexOf(textOf(question.text), from);
          expect(at).toBeGreaterThan(from - 1);
          from = at + 1;
        }
      }
    }
    expect(textOf(groupSection(page.text, 'victims'))).not.toContain(textOf(groupOf('other-affected').questions[0]!.text));
    // Times: each item sums its present speakers' minutes.
    const { items, total } = summary(page.text);
    expect(items.get(3)).toBe(3 * groupOf('victims').minutes);
    expect(items.get(4)).toBe(
      groupOf('extension-request').minutes + groupOf('workplan-update').minutes + 5 * groupOf('other-affected').minutes,
    );
    expect(total).toBe([...items.values()].reduce((a, b) => a + b, 0));
  });

  test('the plan shows the lists read only with a link to each group’s page, which carries the group’s forms', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const url = await createMeeting(admin);
    const plan = (await admin.get(url).expect(200)).text;
    expect(await htmlProblems(plan)).toEqual([]);
    // No form of the groups on the plan: no rank, absence box, move button or list of States.
    expect(plan).not.toMatch(/<form method="post" action="[^"]*\/groupes\//);
    expect(plan).not.toContain('<select');
    expect(plan).not.toContain('name="rank:');
    expect(plan).not.toContain('name="absent:');
    expect(plan).not.toContain('name="move"');
    // What stays on the plan: one « other interventions » form per item.
    expect(plan.match(/<form method="post" action="[^"]*\/points\/\d"/g)).toHaveLength(guidelines.items.length);
    const groups = guidelines.items.flatMap((i) => i.groups);
    for (const group of groups) {
      const section = groupSection(plan, group.key);
      expect(section).toContain(`<a href="${url}/groupes/${group.key}">Modifier la liste<span class="visually-hidden">`);
    }
    expect(groupSection(plan, 'victims')).toContain('<tr><td>1</td><th scope="row">Afghanistan</th><td>présent</td>');

    const page = await admin.get(`${url}/groupes/victims`).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).toContain(`<form method="post" action="${url}/groupes/victims" class="speakers-form" novalidate>`);
    expect(page.text).toContain(`<form method="post" action="${url}/groupes/victims/orateurs" class="inline-form" novalidate>`);
    expect(textOf(page.text)).toContain(`Liste des orateurs : ${groupOf('victims').name}`);
    expect(listedOnGroupPage(page.text)).toEqual(['Afghanistan', 'Cambodge', 'Colombie']);
    expect(page.text).toContain('name="rank:KHM" value="2"');
    expect(page.text).toContain('value="up:COL"');
    expect(page.text).toContain('value="down:AFG"');
    expect(page.text).not.toContain('value="up:AFG"');
    // Every State of the registry but those listed can be added.
    const options = [...page.text.matchAll(/<option value="([A-Z]{3})"/g)].map((m) => m[1]!);
    expect(options).not.toContain('AFG');
    expect(options).toContain('NOR');
    expect(new Set(options).size).toBe(options.length);
    expect(page.text).toContain(`<a href="${url}#groupe-victims">Retour au plan de la réunion</a>`);
    expect(page.text).toContain(`<a href="${url}#point-3">`);

    await admin.get(`${url}/groupes/nowhere`).expect(404);
    const coordination = await createMeeting(admin, { ...INTERSESSIONAL, kind: 'coordination', title: 'Comité de coordination' });
    const none = await admin.get(`${coordination}/groupes/victims`).expect(404);
    expect(textOf(none.text)).toContain('Seules les réunions intersessions ont une liste d’orateurs');
    // Nor can one be written through the forms' addresses.
    const version = pageVersion((await admin.get(`${coordination}/modifier`)).text);
    await admin
      .post(`${coordination}/groupes/all-parties-compliance/orateurs`)
      .type('form')
      .send({ _csrf: await admin.csrf(), version, state: 'NOR' })
      .expect(404);
    await admin
      .post(`${coordination}/groupes/victims`)
      .type('form')
      .send({ _csrf: await admin.csrf(), version, 'rank:AFG': '1' })
      .expect(404);
    const coordinationId = Number(coordination.split('/').pop());
    expect(db.select().from(meetingSpeakers).where(eq(meetingSpeakers.meetingId, coordinationId)).all()).toEqual([]);
  });

  test('reordering, absences, added speakers and other interventions change the sums, without JavaScript', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member);
    const before = summary((await member.get(url)).text);

    // Ranks typed in the group's form: Éthiopie first; Cambodge marked absent.
    const affected = `${url}/groupes/other-affected`;
    const typed = { 'rank:AFG': '1', 'rank:KHM': '2', 'rank:COL': '3', 'rank:ERI': '4', 'rank:ETH': '1', 'absent:KHM': '1' };
    const saved = await post(member, affected, typed, affected);
    expect(saved.status).toBe(303);
    // Back to the group's page, where the next change is usually made, with its « saved » message.
    expect(saved.headers.location).toBe(`${affected}?enregistre=1`);
    const groupPage = await member.get(saved.headers.location!).expect(200);
    expect(textOf(groupPage.text)).toContain('Liste du groupe enregistrée.');
    expect(listedOnGroupPage(groupPage.text)).toEqual(['Éthiopie', 'Afghanistan', 'Cambodge', 'Colombie', 'Érythrée']);
    expect(groupPage.text).toContain('name="absent:KHM" value="1" checked');
    expect(textOf((await member.get(affected).expect(200)).text)).not.toContain('Liste du groupe enregistrée.');
    let page = await member.get(url);
    expect(listed(page.text, 'other-affected')).toEqual(['Éthiopie', 'Afghanistan', 'Cambodge', 'Colombie', 'Érythrée']);
    expect(groupSection(page.text, 'other-affected')).toContain(
      '<tr class="is-absent"><td>3</td><th scope="row">Cambodge</th><td>absent</td>',
    );
    let now = summary(page.text);
    expect(now.items.get(4)).toBe(before.items.get(4)! - groupOf('other-affected').minutes);
    expect(now.total).toBe(before.total - groupOf('other-affected').minutes);

    // The « Descendre » button moves Éthiopie one place down and keeps the absence.
    await post(
      member,
      affected,
      { 'rank:ETH': '1', 'rank:AFG': '2', 'rank:KHM': '3', 'rank:COL': '4', 'rank:ERI': '5', 'absent:KHM': '1', move: 'down:ETH' },
      affected,
    ).then((r) => expect(r.status).toBe(303));
    page = await member.get(url);
    expect(listed(page.text, 'other-affected')).toEqual(['Afghanistan', 'Éthiopie', 'Cambodge', 'Colombie', 'Érythrée']);
    expect(summary(page.text).total).toBe(now.total);

    // A State asking for the floor under item 6 (from its group's page), and three other interventions under item 3 (from the plan).
    const compliance = `${url}/groupes/all-parties-compliance`;
    const added = await post(member, `${compliance}/orateurs`, { state: 'NOR' }, compliance);
    expect(added.status).toBe(303);
    expect(added.headers.location).toBe(`${compliance}?enregistre=1`);
    const others = await post(member, `${url}/points/3`, { otherInterventions: '3' }, url);
    expect(others.status).toBe(303);
    expect(others.headers.location).toBe(`${url}?enregistre=point-3#point-3`);
    page = await member.get(url);
    expect(listed(page.text, 'all-parties-compliance')).toEqual(['Norvège']);
    expect(groupSection(page.text, 'all-parties-compliance')).toContain('Norvège <span class="badge badge--none">ajouté</span>');
    now = summary(page.text);
    expect(now.items.get(6)).toBe(before.items.get(6)! + groupOf('all-parties-compliance').minutes);
    expect(now.items.get(3)).toBe(before.items.get(3)! + 3 * guidelines.otherSpeakers.minutes);
    expect(now.total).toBe(
      before.total - groupOf('other-affected').minutes + groupOf('all-parties-compliance').minutes + 3 * guidelines.otherSpeakers.minutes,
    );

    // The same State twice is refused on the group's page, State still chosen; an added State can be removed again.
    const twice = await post(member, `${compliance}/orateurs`, { state: 'NOR' }, compliance);
    expect(twice.status).toBe(400);
    expect(textOf(twice.text)).toContain('Tous les États parties : Norvège figure déjà dans ce groupe.');
    expect(twice.text).toContain('<p class="field__error" id="ajout-all-parties-compliance-error">');
    expect(await htmlProblems(twice.text)).toEqual([]);
    const unknown = await post(member, `${compliance}/orateurs`, { state: 'XYZ' }, compliance);
    expect(unknown.status).toBe(400);
    expect(textOf(unknown.text)).toContain('« XYZ » n’est pas un État du registre');
    expect(db.select().from(meetingSpeakers).where(eq(meetingSpeakers.groupKey, 'all-parties-compliance')).all()).toHaveLength(1);
    await post(member, compliance, { 'rank:NOR': '1', remove: 'NOR' }, compliance).then((r) => expect(r.status).toBe(303));
    expect(db.select().from(meetingSpeakers).where(eq(meetingSpeakers.groupKey, 'all-parties-compliance')).all()).toEqual([]);

    // A bad rank is refused beside its field, on the group's page, with what was typed kept; nothing changes.
    const victims = `${url}/groupes/victims`;
    const stored = () =>
      db
        .select()
        .from(meetingSpeakers)
        .where(eq(meetingSpeakers.groupKey, 'victims'))
        .all()
        .map((r) => [r.state, r.position, r.absent])
        .sort();
    const storedBefore = stored();
    const bad = await post(member, victims, { 'rank:AFG': 'premier', 'rank:KHM': '3', 'absent:COL': '1' }, victims);
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('Rang de Afghanistan : « premier » n’est pas un rang');
    expect(bad.text).toContain('href="#rang-victims-AFG"');
    expect(bad.text).toMatch(/<p class="field__error" id="rang-victims-AFG-error">Rang de Afghanistan/);
    expect(bad.text).toMatch(
      /id="rang-victims-AFG" name="rank:AFG" value="premier" aria-invalid="true" aria-describedby="rang-victims-AFG-error"/,
    );
    expect(bad.text).toContain('name="rank:KHM" value="3"');
    expect(bad.text).toContain('name="absent:COL" value="1" checked');
    expect(await htmlProblems(bad.text)).toEqual([]);
    expect(stored()).toEqual(storedBefore);
    const count = await post(member, `${url}/points/5`, { otherInterventions: '-2' }, url);
    expect(count.status).toBe(400);
    expect(textOf(count.text)).toContain('Point 5, interventions des autres États et organisations');
    expect(count.text).toContain('value="-2"');
  });

  test('a change made on a page opened before someone else’s save is refused, and nothing is written', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const admin = await signedInAgent(app, 'admin@example.org');
    const url = await createMeeting(member);
    const victims = `${url}/groupes/victims`;
    const stalePage = await member.get(victims);
    await post(admin, `${url}/points/4`, { otherInterventions: '2' }, url).then((r) => expect(r.status).toBe(303));
    const refused = await member
      .post(victims)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(stalePage.text), 'rank:COL': '1' });
    expect(refused.status).toBe(409);
    // The group's page again, as it is now, with the newer version to redo the change with.
    expect(textOf(refused.text)).toContain('Cette réunion a été modifiée par admin@example.org');
    expect(refused.text).toContain('href="#groupe-victims"');
    expect(listedOnGroupPage(refused.text)).toEqual(['Afghanistan', 'Cambodge', 'Colombie']);
    expect(Number(pageVersion(refused.text))).toBeGreaterThan(Number(pageVersion(stalePage.text)));
    expect(await htmlProblems(refused.text)).toEqual([]);
    const added = await member
      .post(`${victims}/orateurs`)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(stalePage.text), state: 'NOR' });
    expect(added.status).toBe(409);
    const rows = db.select().from(meetingSpeakers).where(eq(meetingSpeakers.groupKey, 'victims')).all();
    expect(rows.sort((a, b) => a.position - b.position).map((r) => r.state)).toEqual(['AFG', 'KHM', 'COL']);
  });

  test('when the populations change, the page says so and the list is brought in line without losing adjustments', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member);
    await post(
      member,
      `${url}/groupes/victims`,
      { 'rank:COL': '1', 'rank:AFG': '2', 'rank:KHM': '3', 'absent:KHM': '1' },
      `${url}/groupes/victims`,
    );
    expect(listed((await member.get(url)).text, 'victims')).toEqual(['Colombie', 'Afghanistan', 'Cambodge']);
    addMemberships(db, YEAR, 'victims', ['BEL']);
    const page = await member.get(url);
    expect(textOf(page.text)).toContain(
      'Les données de 2026 ont changé depuis la constitution de la liste : 1 État des populations n’est pas dans la liste',
    );
    await post(member, `${url}/actualisation`, {}, url).then((r) => expect(r.status).toBe(303));
    const after = await member.get(url);
    // Belgique comes in before the first name that sorts after it; the others keep their order and absence.
    expect(listed(after.text, 'victims')).toEqual(['Belgique', 'Colombie', 'Afghanistan', 'Cambodge']);
    expect(groupSection(after.text, 'victims')).toContain('<tr class="is-absent"><td>4</td><th scope="row">Cambodge</th>');
    expect((await member.get(`${url}/groupes/victims`)).text).toContain('name="absent:KHM" value="1" checked');
    expect(textOf(after.text)).not.toContain('ont changé depuis la constitution');
  });

  test('changing the year of the meeting rebuilds the list from that year’s populations', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member);
    const form = await member.get(`${url}/modifier`);
    await member
      .post(url)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(form.text), ...INTERSESSIONAL, year: '2025' })
      .expect(303);
    const page = await member.get(url);
    expect(listed(page.text, 'victims')).toEqual([]);
    expect(textOf(page.text)).toContain('Rapports examinés : 2025');
  });
});

describe('CSV exports of the speakers’ list and the agenda', () => {
  test('the files hold the page’s speakers and sums', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member);
    await post(member, `${url}/groupes/victims`, { 'absent:AFG': '1' }, `${url}/groupes/victims`);
    await post(member, `${url}/points/7`, { otherInterventions: '2' }, url);
    const page = await member.get(url);
    const { items, total } = summary(page.text);

    const speakers = await member.get(`${url}/orateurs.csv`).expect(200);
    expect(speakers.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(speakers.headers['content-disposition']).toContain('orateurs.csv');
    const lines = speakers.text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('point,intitule_point,groupe,nom_groupe,rang,iso3,etat,present,ajoute,minutes');
    const victims = lines.filter((l) => l.includes(',victims,'));
    expect(victims.map((l) => l.split(',').slice(-6))).toEqual([
      ['1', 'AFG', 'Afghanistan', 'non', 'non', '0'],
      ['2', 'KHM', 'Cambodge', 'oui', 'non', '5'],
      ['3', 'COL', 'Colombie', 'oui', 'non', '5'],
    ]);
    const speakerRows = (page.text.match(/<tr(?: class="is-absent")?><td>\d+<\/td><th scope="row">/g) ?? []).length;
    expect(lines.length - 1).toBe(speakerRows);

    const agenda = await member.get(`${url}/ordre-du-jour.csv`).expect(200);
    const rows = agenda.text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe('point,intitule_point,partie,questions,interventions,minutes_par_intervention,minutes');
    for (const [item, minutes] of items) {
      expect(
        rows
          .find((r) => r.startsWith(`${item},`) && r.includes(`Total du point ${item},`))!
          .split(',')
          .pop(),
      ).toBe(String(minutes));
    }
    expect(rows.at(-1)!.split(',').pop()).toBe(String(total));
    expect(
      rows
        .find((r) => r.startsWith('7,') && r.includes('Autres États parties et organisations'))!
        .split(',')
        .slice(-3),
    ).toEqual(['2', '3', '6']);
  });

  test('a meeting other than an intersessional one has no speakers’ list to export', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createMeeting(member, {
      ...INTERSESSIONAL,
      kind: 'coordination',
      title: 'Comité de coordination',
      agenda: 'Adoption de l’ordre du jour\nPréparation des réunions intersessions',
    });
    const page = await member.get(url).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).toContain('<li>Préparation des réunions intersessions</li>');
    expect(page.text).toContain(`${url}/dossier`);
    await member.get(`${url}/orateurs.csv`).expect(404);
  });
});
