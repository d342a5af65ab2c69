import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { withAudit } from '../../../db/queries/audit';
import { auditEntries, populationMemberships, releases, states } from '../../../db/schema';
import { loadSeed } from '../../../seed/load';
import { fragment, hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { appWithStaff, signedInAgent, type Agent } from '../../helpers/session';

const CLI = { userId: null, label: 'import en ligne de commande', origin: 'cli' };

function formFields(html: string, iso3: string): { _csrf: string; version: string } {
  const form = fragment(html, `<form method="post" action="/espace/registre/${iso3}"`, '</form>');
  return {
    _csrf: /name="_csrf" value="([^"]+)"/.exec(form)![1]!,
    version: /name="version" value="([^"]*)"/.exec(form)![1]!,
  };
}

async function openForm(agent: Agent, iso3: string) {
  return formFields((await agent.get(`/espace/registre/${iso3}`).expect(200)).text, iso3);
}

const stateRow = (db: Db, iso3: string) => db.select().from(states).where(eq(states.iso3, iso3)).get()!;
/** The audit entries of a State after the seed inserted it. */
const stateAudit = (db: Db, iso3: string) =>
  db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entity, 'state'), eq(auditEntries.state, iso3), ne(auditEntries.origin, 'seed')))
    .orderBy(asc(auditEntries.id))
    .all();

const setup = appWithStaff;

describe('the registry of States (/espace/registre)', () => {
  test('lists every State by French name, each linking to its form, as valid HTML', async () => {
    const { db, app } = await setup();
    const member = await signedInAgent(app, 'membre@example.org');
    const page = await member.get('/espace/registre').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    const all = db.select().from(states).all();
    const expected = [...all].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr')).map((s) => `/espace/registre/${s.iso3}`);
    const table = fragment(page.text, '<tbody>', '</tbody>');
    expect(hrefsOf(table)).toEqual(expected);
    expect(textOf(page.text)).toContain(`${all.length} États, dont ${all.filter((s) => s.party).length} marqués « État partie »`);
    const usa = fragment(table, '<a href="/espace/registre/USA">', '</tr>');
    expect(textOf(usa)).toMatch(/^États-Unis d’Amérique USA non/);
  });

  test('filters by name or code and party status, sorts by column (GET, no script); unknown values are a clear 400', async () => {
    const { db, app } = await setup();
    const member = await signedInAgent(app, 'membre@example.org');
    const all = db.select().from(states).all();
    const rowsOf = async (query: string) => {
      const page = await member.get(`/espace/registre?${query}`).expect(200);
      return hrefsOf(fragment(page.text, '<tbody>', '</tbody>')).map((h) => h.slice('/espace/registre/'.length));
    };
    const byName = (a: (typeof all)[number], b: (typeof all)[number]) => a.nameFr.localeCompare(b.nameFr, 'fr');
    expect(await rowsOf('partie=non')).toEqual(
      all
        .filter((s) => !s.party)
        .sort(byName)
        .map((s) => s.iso3),
    );
    expect(await rowsOf('etat=COL')).toEqual(['COL']);
    expect(await rowsOf('etat=guin')).toEqual(
      all
        .filter((s) => s.nameFr.toLowerCase().includes('guin'))
        .sort(byName)
        .map((s) => s.iso3),
    );
    expect(await rowsOf('tri=code&ordre=decroissant')).toEqual(
      all
        .map((s) => s.iso3)
        .sort()
        .reverse(),
    );
    const byEntry = await member.get('/espace/registre?tri=entree').expect(200);
    expect(await htmlProblems(byEntry.text)).toEqual([]);
    // The column sorted says so, and its link sorts it the other way.
    const sorted = fragment(byEntry.text, '<th scope="col" aria-sort="ascending">', '</th>');
    expect(textOf(sorted)).toContain('Entrée en vigueur');
    expect(hrefsOf(sorted)).toEqual(['/espace/registre?tri=entree&ordre=decroissant']);
    const from = (await rowsOf('tri=entree')).map((iso3) => all.find((s) => s.iso3 === iso3)!.partyFrom ?? '');
    expect(from).toEqual([...from].sort());
    for (const [query, message] of [
      ['tri=nom', 'Le tri « nom » n’existe pas'],
      ['partie=peut-etre', 'Le filtre « partie » vaut « oui », « non » ou rien'],
      ['ordre=haut', 'L’ordre « haut » n’existe pas'],
    ] as const) {
      const refused = await member.get(`/espace/registre?${query}`).expect(400);
      expect(textOf(refused.text)).toContain(message);
    }
  });

  test('a State’s form is valid HTML; an unknown code is a 404 in French', async () => {
    const { app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const page = await admin.get('/espace/registre/COL').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.text).toContain('<legend>État partie</legend>');
    expect(page.text).toMatch(/id="party-yes" name="party" value="yes" checked/);
    const unknown = await admin.get('/espace/registre/ZZZ').expect(404);
    expect(textOf(unknown.text)).toContain('Aucun État du registre n’a le code « ZZZ »');
  });

  test('an admin sets the dates: the State is marked edited, the audit trail has before and after, and the seed leaves it alone', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin, 'BIH');
    const before = stateRow(db, 'BIH');
    expect(before.editedAt).toBeNull();
    await admin
      .post('/espace/registre/BIH')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '2025-06-01', party_until: '', reason: 'Date vérifiée auprès du dépositaire' })
      .expect(303)
      .expect('Location', '/espace/registre/BIH');
    const after = stateRow(db, 'BIH');
    expect(after).toMatchObject({ party: true, partyFrom: '2025-06-01', partyUntil: null });
    expect(after.editedAt).not.toBeNull();
    const entries = stateAudit(db, 'BIH');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'update',
      actor: 'admin@example.org',
      origin: 'web',
      reason: 'Date vérifiée auprès du dépositaire',
    });
    expect(JSON.parse(entries[0]!.before!)).toMatchObject({ party: before.party ? 1 : 0, party_from: null, party_until: null });
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ party: 1, party_from: '2025-06-01', party_until: null });

    const page = await admin.get('/espace/registre/BIH').expect(200);
    expect(textOf(page.text)).toContain('Enregistré : le registre est à jour pour Bosnie-Herzégovine.');
    expect(page.text).toContain('value="2025-06-01"');
    // Party from 1 June 2025: not party on 30 April 2025, party from 2026.
    expect(textOf(fragment(page.text, '<tbody>', '</tbody>'))).toMatch(/^2025 non — 2026 oui/);
    expect(await htmlProblems(page.text)).toEqual([]);

    // Reloading the catalogue and registry files does not undo the edit.
    loadSeed(db);
    expect(stateRow(db, 'BIH')).toMatchObject({ partyFrom: '2025-06-01', editedAt: after.editedAt });

    // Saving the same values again changes nothing and writes nothing.
    await admin
      .post('/espace/registre/BIH')
      .type('form')
      .send({ ...(await openForm(admin, 'BIH')), party: 'yes', party_from: '2025-06-01', party_until: '' })
      .expect(303)
      .expect('Location', '/espace/registre/BIH');
    expect(textOf((await admin.get('/espace/registre/BIH')).text)).toContain(
      'Aucune modification : les valeurs saisies étaient déjà enregistrées.',
    );
    expect(stateAudit(db, 'BIH')).toHaveLength(1);
  });

  test('dates must be real and in order; errors are beside the fields, the typed values stay, nothing is saved', async () => {
    const { db, app } = await setup();
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin, 'COL');
    const before = stateRow(db, 'COL');
    const order = await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '2027-03-01', party_until: '2026-12-31' })
      .expect(400);
    expect(await htmlProblems(order.text)).toEqual([]);
    expect(textOf(order.text)).toContain(
      'Date de prise d’effet du retrait : la date de retrait (2026-12-31) doit suivre la date d’entrée en vigueur (2027-03-01).',
    );
    expect(order.text).toMatch(
      /id="party_until" name="party_until" value="2026-12-31" aria-invalid="true" aria-describedby="party_until-hint party_until-error"/,
    );
    expect(order.text).toContain('value="2027-03-01"');
    expect(order.text).toContain('href="#party_until"');

    const impossible = await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: '', party_from: '2026-02-30', party_until: '' })
      .expect(400);
    const text = textOf(impossible.text);
    expect(text).toContain('Date d’entrée en vigueur : date impossible « 2026-02-30 » : ce jour n’existe pas.');
    expect(text).toContain('État partie : choisissez oui ou non.');
    expect(impossible.text).toContain('href="#party-yes"');
    expect(impossible.text).not.toMatch(/value="yes" checked/);
    expect(await htmlProblems(impossible.text)).toEqual([]);

    expect(stateRow(db, 'COL')).toEqual(before);
    expect(stateAudit(db, 'COL')).toEqual([]);
  });

  test('a change that would leave population memberships in a year where the State is not party is refused, naming them', async () => {
    const { db, app } = await setup();
    withAudit(db, CLI, (tx) => {
      tx.insert(populationMemberships)
        .values([
          { year: 2026, state: 'COL', population: 'affected' },
          { year: 2026, state: 'COL', population: 'victims' },
          { year: 2028, state: 'COL', population: 'affected' },
        ])
        .run();
    });
    const before = stateRow(db, 'COL');
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin, 'COL');

    // Withdrawal effective on 1 January 2027: COL is no longer party in 2027 and 2028.
    const withdrawal = await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '', party_until: '2027-01-01' })
      .expect(400);
    expect(await htmlProblems(withdrawal.text)).toEqual([]);
    expect(textOf(withdrawal.text)).toContain(
      'Date de prise d’effet du retrait : avec ces valeurs, Colombie ne serait pas partie au 30 avril 2028, alors que cet État figure dans des populations cette année-là (2028 : États parties touchés).',
    );
    expect(withdrawal.text).toContain('value="2027-01-01"');

    // Not party at all: every year with memberships is in the way, beside the party field.
    const notParty = await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: 'no' })
      .expect(400);
    expect(textOf(notParty.text)).toContain(
      'État partie : avec ces valeurs, Colombie ne serait pas partie au 30 avril des années 2026, 2028, alors que cet État figure dans des populations ces années-là (2026 : États parties touchés, États parties comptant des victimes ; 2028 : États parties touchés).',
    );
    expect(notParty.text).toMatch(/id="party-no" name="party" value="no" checked aria-invalid="true"/);

    // Entry into force after 30 April 2026: in the way in 2026, beside that date.
    const late = await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '2026-05-01' })
      .expect(400);
    expect(textOf(late.text)).toContain('Date d’entrée en vigueur : avec ces valeurs, Colombie ne serait pas partie au 30 avril 2026');

    expect(stateRow(db, 'COL')).toEqual(before);
    expect(stateAudit(db, 'COL')).toEqual([]);

    // A withdrawal after the last membership is accepted.
    await admin
      .post('/espace/registre/COL')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '', party_until: '2028-05-01' })
      .expect(303);
    expect(stateRow(db, 'COL').partyUntil).toBe('2028-05-01');
  });

  test('a save based on a State another admin changed meanwhile is refused (409), naming them, with the input kept', async () => {
    const { db, app } = await setup();
    const first = await signedInAgent(app, 'autre.admin@example.org');
    const second = await signedInAgent(app, 'admin@example.org');
    const firstForm = await openForm(first, 'AGO');
    const secondForm = await openForm(second, 'AGO');
    await first
      .post('/espace/registre/AGO')
      .type('form')
      .send({ ...firstForm, party: 'yes', party_until: '2029-12-31' })
      .expect(303);
    const conflict = await second
      .post('/espace/registre/AGO')
      .type('form')
      .send({ ...secondForm, party: 'yes', party_from: '2020-01-01', party_until: '', reason: 'ma raison' })
      .expect(409);
    expect(await htmlProblems(conflict.text)).toEqual([]);
    expect(textOf(conflict.text)).toMatch(
      /Angola a été modifié dans le registre par autre\.admin@example\.org le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}/,
    );
    expect(conflict.text).toContain('value="2020-01-01"');
    expect(conflict.text).toContain('>ma raison</textarea>');
    expect(textOf(conflict.text)).toContain('Valeur enregistrée : 31 décembre 2029 (2029-12-31).');
    expect(stateRow(db, 'AGO')).toMatchObject({ partyFrom: null, partyUntil: '2029-12-31' });
    const again = formFields(conflict.text, 'AGO');
    expect(Number(again.version)).toBe(stateAudit(db, 'AGO').at(-1)!.id);
    await second
      .post('/espace/registre/AGO')
      .type('form')
      .send({ ...again, party: 'yes', party_from: '2020-01-01', party_until: '' })
      .expect(303);
    expect(stateRow(db, 'AGO')).toMatchObject({ partyFrom: '2020-01-01', partyUntil: null });
  });

  test('once a year is published, a change to the registry needs a reason', async () => {
    const { db, app } = await setup();
    db.insert(releases).values({ year: 2025, revision: 1, publishedAt: '2025-06-01T09:00:00.000Z' }).run();
    const admin = await signedInAgent(app, 'admin@example.org');
    const fields = await openForm(admin, 'KHM');
    const refused = await admin
      .post('/espace/registre/KHM')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '2024-01-01' })
      .expect(400);
    expect(textOf(refused.text)).toContain('Raison de la modification : obligatoire, car des années sont publiées');
    expect(stateRow(db, 'KHM').partyFrom).toBeNull();
    await admin
      .post('/espace/registre/KHM')
      .type('form')
      .send({ ...fields, party: 'yes', party_from: '2024-01-01', reason: 'Correction' })
      .expect(303);
    expect(stateAudit(db, 'KHM').map((e) => e.reason)).toEqual(['Correction']);
  });

  test('members and observers read the registry but cannot change it; visitors are sent to sign in', async () => {
    const { db, app } = await setup();
    const before = stateRow(db, 'COL');
    for (const email of ['membre@example.org', 'observateur@example.org']) {
      const agent = await signedInAgent(app, email);
      const page = await agent.get('/espace/registre/COL').expect(200);
      expect(await htmlProblems(page.text)).toEqual([]);
      expect(textOf(page.text)).toContain('Lecture seule');
      expect(page.text).not.toContain('<form method="post" action="/espace/registre/COL"');
      const refused = await agent
        .post('/espace/registre/COL')
        .type('form')
        .send({ _csrf: await agent.csrf(), version: '0', party: 'no' })
        .expect(403);
      expect(textOf(refused.text)).toContain('Votre rôle ne permet pas de modifier le registre des États.');
    }
    const visitor = await signedInAgent(app, null);
    await visitor.get('/espace/registre').expect(303).expect('Location', '/connexion?retour=%2Fespace%2Fregistre');
    // A visitor has no session, hence no form token of the workspace: refused before anything else.
    await visitor
      .post('/espace/registre/COL')
      .type('form')
      .send({ _csrf: await visitor.csrf(), version: '0', party: 'no' })
      .expect(403);
    expect(stateRow(db, 'COL')).toEqual(before);
    expect(stateAudit(db, 'COL')).toEqual([]);
  });
});
