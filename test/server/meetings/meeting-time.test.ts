import { eq } from 'drizzle-orm';
import { meetings, meetingSpeakers } from '../../../db/schema';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { formatMinutes } from '../../../server/presenters/format';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { signedInAgent, type Agent } from '../../helpers/session';
import { INTERSESSIONAL, meetingApp } from './fixture';

jest.setTimeout(60_000);

/**
 * The time available (the sittings entered with the meeting) beside the time the speakers' list
 * needs, and the choice of starting the groups with the States that asked for the floor only.
 */

const guidelines = readMeetingGuidelines();
const pageVersion = (html: string) => /name="version" value="([0-9]+)"/.exec(html)![1]!;

/** « 1 h 05 min » → 65. */
function minutesIn(text: string): number {
  const match = /(?:(\d+)\s*h)?\s*(?:(\d+)\s*min)?/.exec(text.replace(/\u00a0/g, ' ').trim());
  return Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
}

interface Row {
  item: number;
  minutes: number;
  over: boolean;
  schedule: string | null;
}

/** The rows of the time table as the page shows them. */
function rows(html: string): Row[] {
  const table = fragment(html, '<table class="data-table" id="temps-table">', '</table>');
  const body = fragment(table, '<tbody>', '</tbody>');
  return [
    ...body.matchAll(
      /<tr( class="time-over")?><th scope="row"><a href="#point-(\d)">\d<\/a><\/th>(?:<td>[^<]*<\/td>){3}<td>([^<]+)<\/td>(?:<td>([\s\S]*?)<\/td>)?<\/tr>/g,
    ),
  ].map((m) => ({
    item: Number(m[2]),
    minutes: minutesIn(m[3]!),
    over: m[1] !== undefined,
    schedule: m[4] === undefined ? null : textOf(m[4]),
  }));
}

/** The States of a group as the page lists them. */
const listed = (html: string, key: string) =>
  [...fragment(html, `aria-labelledby="groupe-${key}"`, '</section>').matchAll(/<th scope="row">([^<]+)/g)].map((m) =>
    textOf(m[1]!).trim(),
  );

async function create(agent: Agent, fields: Record<string, string>) {
  return agent
    .post('/espace/reunions')
    .type('form')
    .send({ _csrf: await agent.csrf(), ...INTERSESSIONAL, ...fields });
}

async function createOk(agent: Agent, fields: Record<string, string>): Promise<string> {
  const response = await create(agent, fields);
  expect(response.status).toBe(303);
  return response.headers.location!.replace(/[?#].*$/, '');
}

describe('the time available beside the time the speakers’ list needs', () => {
  test('without sittings the page says the time available is unknown and shows what the list needs', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createOk(member, {});
    const page = await member.get(url).expect(200);
    const text = textOf(page.text);
    expect(text).toContain('Séances non saisies : le temps disponible n’est pas connu');
    expect(rows(page.text).every((r) => r.schedule === null)).toBe(true);
    expect(await htmlProblems(page.text)).toEqual([]);
  });

  test('sittings too short: a clear warning with the time missing, and the items that run past the last sitting marked', async () => {
    const { app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    // Two sittings of 30 minutes on two days, typed loosely and out of order.
    const url = await createOk(member, { sittings: '2026-06-17 9h-9h30\r\n\r\n2026-06-16 10:00 - 10:30' });
    const page = await member.get(url).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const shown = rows(page.text);
    expect(shown.map((r) => r.item)).toEqual(guidelines.items.map((i) => i.number));
    const needed = shown.reduce((sum, r) => sum + r.minutes, 0);
    const available = 60;
    expect(needed).toBeGreaterThan(available);
    // Laid one after the other: an item fits when the items up to it fit in the 60 minutes.
    let cumulative = 0;
    for (const row of shown) {
      cumulative += row.minutes;
      expect([row.item, row.over]).toEqual([row.item, cumulative > available]);
      if (row.over)
        expect(row.schedule).toContain(
          `Ne tient pas : dépasse de ${formatMinutes(Math.min(row.minutes, cumulative - available))} la dernière séance`,
        );
    }
    // The first item starts at the first sitting, whatever the order typed.
    expect(shown[0]!.schedule).toMatch(/^mar\. 16 juin, 10\sh\s00 → /);
    const warning = textOf(fragment(page.text, '<div class="form-message form-message--error time-warning" id="temps-alerte">', '</div>'));
    expect(warning).toContain(
      `La liste des orateurs ne tient pas dans les séances : elle demande ${formatMinutes(needed)}, les séances en offrent ${formatMinutes(available)} ; il manque ${formatMinutes(needed - available)}.`,
    );
    const late = shown.filter((r) => r.over).map((r) => r.item);
    expect(warning).toContain(
      late.length === 1 ? `Le point ${late[0]} dépasse` : `Les points ${late.slice(0, -1).join(', ')} et ${late.at(-1)} dépassent`,
    );
    expect(textOf(page.text)).toContain('(2 séances sur 2 jours)');
    // Stored as entered, normalised and in order; the form shows them back.
    const form = await member.get(`${url}/modifier`).expect(200);
    expect(form.text).toContain('2026-06-16 10:00-10:30\n2026-06-17 09:00-09:30</textarea>');
  });

  test('sittings long enough: no warning, the margin, and each item placed in the sittings', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createOk(member, { sittings: '2026-06-16 10:00-13:00\n2026-06-16 15:00-18:00' });
    const page = await member.get(url).expect(200);
    const shown = rows(page.text);
    const needed = shown.reduce((sum, r) => sum + r.minutes, 0);
    expect(needed).toBeLessThanOrEqual(360);
    expect(shown.every((r) => !r.over && r.schedule !== null)).toBe(true);
    expect(page.text).not.toContain('time-warning');
    expect(textOf(page.text)).toContain(`Marge : ${formatMinutes(360 - needed)}.`);
    // Adding other interventions until the list no longer fits brings the warning.
    const extra = Math.ceil((360 - needed + 1) / guidelines.otherSpeakers.minutes);
    const id = Number(url.split('/').pop());
    const saved = await member
      .post(`${url}/points/7`)
      .type('form')
      .send({
        _csrf: await member.csrf(),
        version: String(db.select().from(meetings).where(eq(meetings.id, id)).get()!.version),
        otherInterventions: String(extra),
      });
    expect(saved.status).toBe(303);
    const after = await member.get(url).expect(200);
    expect(textOf(after.text)).toContain(`il manque ${formatMinutes(needed + extra * guidelines.otherSpeakers.minutes - 360)}`);
    expect(rows(after.text).find((r) => r.item === 7)!.over).toBe(true);
  });

  test('bad sittings are refused line by line, and nothing is created', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const response = await create(admin, {
      sittings: '2026-06-16 10:00-13:00\nlundi matin\n2026-06-25 10:00-12:00\n2026-06-17 14:00-11:00\n2026-06-16 12:00-14:00',
    });
    expect(response.status).toBe(400);
    expect(await htmlProblems(response.text)).toEqual([]);
    const text = textOf(response.text);
    expect(text).toContain('Séances, ligne 2 : « lundi matin » ; écrivez le jour puis les heures de début et de fin');
    expect(text).toContain('Séances, ligne 3 : le 2026-06-25 n’est pas un jour de la réunion (du 2026-06-16 au 2026-06-19).');
    expect(text).toContain('Séances, ligne 4 : la séance finit (11:00) avant de commencer (14:00).');
    expect(text).toContain('Séances : le 2026-06-16, la séance de 12:00 commence avant la fin de celle de 10:00 (13:00).');
    expect(response.text).toContain('href="#sittings"');
    expect(response.text).toContain('lundi matin');
    expect(db.select().from(meetings).all()).toEqual([]);
  });
});

describe('groups that start with the States that asked for the floor', () => {
  test('« seulement les États inscrits »: every group starts empty, States are added, and the time counts them only', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const form = await member.get('/espace/reunions/nouvelle').expect(200);
    expect(textOf(form.text)).toContain('tous les États de la population');
    expect(textOf(form.text)).toContain('seulement les États inscrits');
    expect(form.text).toContain('id="speakersFrom-population" name="speakersFrom" value="population" checked');

    const everyone = await createOk(member, {});
    const full = await member.get(everyone).expect(200);
    expect(listed(full.text, 'victims').length).toBeGreaterThan(0);

    const url = await createOk(member, { speakersFrom: 'requests' });
    const id = Number(url.split('/').pop());
    let page = await member.get(url).expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    for (const group of guidelines.items.flatMap((i) => i.groups))
      expect([group.key, listed(page.text, group.key)]).toEqual([group.key, []]);
    expect(db.select().from(meetingSpeakers).where(eq(meetingSpeakers.meetingId, id)).all()).toEqual([]);
    expect(rows(page.text).every((r) => r.minutes === 0)).toBe(true);
    // An empty list is what was asked for: no « the data changed » notice.
    expect(page.text).not.toContain('ont changé depuis la constitution de la liste');
    expect(textOf(page.text)).toContain('Liste constituée avec seulement les États inscrits');

    const added = await member
      .post(`${url}/groupes/victims/orateurs`)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(page.text), state: 'KHM' });
    expect(added.status).toBe(303);
    page = await member.get(url).expect(200);
    expect(listed(page.text, 'victims')).toEqual(['Cambodge']);
    const victims = guidelines.items.flatMap((i) => i.groups).find((g) => g.key === 'victims')!;
    expect(rows(page.text).reduce((sum, r) => sum + r.minutes, 0)).toBe(victims.minutes);
  });

  test('switching an existing meeting to « seulement les États inscrits » keeps only the States added by hand', async () => {
    const { db, app } = await meetingApp();
    const member = await signedInAgent(app, 'membre@example.org');
    const url = await createOk(member, {});
    const id = Number(url.split('/').pop());
    let page = await member.get(url).expect(200);
    await member
      .post(`${url}/groupes/all-parties-compliance/orateurs`)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(page.text), state: 'NOR' })
      .expect(303);
    page = await member.get(`${url}/modifier`).expect(200);
    await member
      .post(url)
      .type('form')
      .send({ _csrf: await member.csrf(), version: pageVersion(page.text), ...INTERSESSIONAL, speakersFrom: 'requests' })
      .expect(303);
    const stored = db.select().from(meetingSpeakers).where(eq(meetingSpeakers.meetingId, id)).all();
    expect(stored.map((r) => [r.groupKey, r.state, r.added])).toEqual([['all-parties-compliance', 'NOR', true]]);
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.speakersFrom).toBe('requests');
  });

  test('an unknown choice is refused with the field named', async () => {
    const { db, app } = await meetingApp();
    const admin = await signedInAgent(app, 'admin@example.org');
    const response = await create(admin, { speakersFrom: 'tirage' });
    expect(response.status).toBe(400);
    expect(textOf(response.text)).toContain(
      'Orateurs de départ : choisissez « tous les États de la population » ou « seulement les États inscrits ».',
    );
    expect(response.text).toContain('href="#speakersFrom"');
    expect(db.select().from(meetings).all()).toEqual([]);
  });
});
