import request from 'supertest';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { lastAuditId, withAudit, type Actor } from '../../../db/queries/audit';
import { answers, auditEntries, figures, populationMemberships, releases, reports, states, validations } from '../../../db/schema';
import { readCsv } from '../../../server/domain/exchange/csv';
import { formatDate, formatDateTime } from '../../../server/presenters/format';
import { testApp } from '../../helpers/context';
import { fragment, hrefsOf, htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, signedInAgent } from '../../helpers/session';

const REASON = 'Correction, après "relecture"\nsuite au courrier';
const SCRIPT_NOTE = '<script>alert("x")</script>';

/**
 * A database whose audit trail holds, besides the registry's seed entries, changes by an admin
 * through the web: a report, answers (one updated with a reason), a population, a figure, a
 * validation, a publication and a registry change, for COL in 2026 and a few others.
 */
async function fixture() {
  const { db, app } = testApp();
  const marie = await createTestUser(db, 'marie@example.org', 'admin');
  await createTestUser(db, 'olivier@example.org', 'observer');
  const web: Actor = { userId: marie.id, label: 'marie@example.org', origin: 'web' };
  const upload: Actor = { ...web, origin: 'upload' };
  const ids: Record<string, number> = {};
  const write = (name: string, actor: Actor, at: string, change: (tx: Db) => void, reason?: string) => {
    withAudit(db, actor, change, { now: new Date(at), reason });
    ids[name] = lastAuditId(db);
  };

  write('report', web, '2026-05-02T08:30:00.000Z', (tx) =>
    tx.insert(reports).values({ year: 2026, state: 'COL', receivedOn: '2026-04-20', usedReportingGuide: true }).run(),
  );
  write('answerInsert', upload, '2026-05-02T08:31:00.000Z', (tx) =>
    tx
      .insert(answers)
      .values({ year: 2026, state: 'COL', indicator: '1.1', answer: 'yes', source: 'Rapport art. 7', note: SCRIPT_NOTE })
      .run(),
  );
  write(
    'answerUpdate',
    web,
    '2026-05-03T14:05:00.000Z',
    (tx) =>
      tx
        .update(answers)
        .set({ answer: 'no' })
        .where(and(eq(answers.year, 2026), eq(answers.state, 'COL'), eq(answers.indicator, '1.1')))
        .run(),
    REASON,
  );
  write('membership', web, '2026-05-03T14:06:00.000Z', (tx) =>
    tx.insert(populationMemberships).values({ year: 2026, state: 'COL', population: 'affected' }).run(),
  );
  write('otherState', web, '2026-05-04T09:00:00.000Z', (tx) =>
    tx.insert(answers).values({ year: 2026, state: 'AFG', indicator: '1.1', answer: 'blank' }).run(),
  );
  write('otherYear', web, '2026-05-04T09:01:00.000Z', (tx) =>
    tx.insert(answers).values({ year: 2027, state: 'COL', indicator: '1.1', answer: 'yes' }).run(),
  );
  write('figure', web, '2026-05-04T09:02:00.000Z', (tx) =>
    tx.insert(figures).values({ year: 2026, indicator: '5.3', value: 1234.5 }).run(),
  );
  write('validation', web, '2026-05-05T10:00:00.000Z', (tx) =>
    tx.insert(validations).values({ year: 2026, state: 'COL', validatedBy: marie.id, validatedAt: '2026-05-05T10:00:00.000Z' }).run(),
  );
  write('publication', web, '2026-05-06T10:00:00.000Z', (tx) =>
    tx.insert(releases).values({ year: 2026, revision: 1, publishedAt: '2026-05-06T10:00:00.000Z', note: 'Première publication' }).run(),
  );
  write(
    'registry',
    web,
    '2026-05-07T10:00:00.000Z',
    (tx) => tx.update(states).set({ partyFrom: '2001-03-01' }).where(eq(states.iso3, 'COL')).run(),
    'Date du dépôt vérifiée',
  );
  return { db, app, ids };
}

const countWhere = (db: Db, where: SQL | undefined) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(auditEntries)
    .where(where)
    .get()!.n;

/** The rows of the journal's table, by entry id, as text. */
function rowsOf(html: string): Map<number, string> {
  const rows = new Map<number, string>();
  for (const match of html.matchAll(/<tr id="entree-(\d+)">([\s\S]*?)<\/tr>/g)) rows.set(Number(match[1]), textOf(match[2]!));
  return rows;
}

describe('the journal (audit trail) page', () => {
  test('filtered by State and year: who, when, what, before → after (changed fields only) and the reason', async () => {
    const { db, app, ids } = await fixture();
    const observer = await signedInAgent(app, 'olivier@example.org');
    const page = await observer.get('/espace/journal?etat=COL&annee=2026').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.text).toContain('<title>Journal — Colombie, 2026 —');
    expect(textOf(fragment(page.text, '<h1>', '</h1>'))).toBe('Journal — Colombie, 2026');

    const rows = rowsOf(page.text);
    const expected = countWhere(db, and(eq(auditEntries.state, 'COL'), eq(auditEntries.year, 2026)));
    expect(rows.size).toBe(expected);
    expect([...rows.keys()]).toEqual(
      [ids.report, ids.answerInsert, ids.answerUpdate, ids.membership, ids.validation].sort((a, b) => b! - a!),
    );
    expect(textOf(page.text)).toContain(`${expected} modifications`);

    const update = rows.get(ids.answerUpdate!)!;
    expect(update).toContain(formatDateTime('2026-05-03T14:05:00.000Z'));
    expect(update).toContain('marie@example.org saisie en ligne');
    expect(update).toContain('Colombie — réponse à l’indicateur 1.1 (2026)');
    expect(update).toContain('modification');
    expect(update).toContain('réponse : Oui → devient Non');
    // Only what changed: the source and the note were left alone.
    expect(update).not.toContain('source :');
    expect(update).not.toContain('note :');
    expect(update).toContain(textOf(REASON));

    const inserted = rows.get(ids.answerInsert!)!;
    expect(inserted).toContain('import dans le navigateur');
    expect(inserted).toContain('ajout');
    expect(inserted).toContain('réponse : — → devient Oui');
    expect(inserted).toContain('source : — → devient Rapport art. 7');

    expect(rows.get(ids.report!)).toContain('Colombie — rapport (2026)');
    expect(rows.get(ids.report!)).toContain(`reçu le : — → devient ${formatDate('2026-04-20')}`);
    expect(rows.get(ids.report!)).toContain('Guide pour l’établissement des rapports utilisé : — → devient oui');
    expect(rows.get(ids.membership!)).toContain('Colombie — population « États parties touchés » (2026)');
    expect(rows.get(ids.validation!)).toContain('Colombie — validation du rapport (2026)');
    expect(rows.get(ids.validation!)).toContain('validé par : — → devient marie@example.org');
    expect(rows.get(ids.validation!)).toContain(`validé le : — → devient ${formatDateTime('2026-05-05T10:00:00.000Z')}`);
  });

  test('a note holding markup is shown as text, never run', async () => {
    const { app } = await fixture();
    const admin = await signedInAgent(app, 'marie@example.org');
    const page = await admin.get('/espace/journal?indicateur=1.1').expect(200);
    expect(page.text).not.toContain(SCRIPT_NOTE);
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textOf(page.text)).toContain(`note : — → devient ${SCRIPT_NOTE}`);
  });

  test('filtered by indicator: its answers of every State and year, and a figure by its code', async () => {
    const { db, app, ids } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const page = await agent.get('/espace/journal?indicateur=1.1').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(textOf(fragment(page.text, '<h1>', '</h1>'))).toBe('Journal — indicateur 1.1');
    const rows = rowsOf(page.text);
    expect(rows.size).toBe(countWhere(db, eq(auditEntries.indicator, '1.1')));
    expect([...rows.keys()].sort()).toEqual([ids.answerInsert, ids.answerUpdate, ids.otherState, ids.otherYear].sort());
    expect(rows.get(ids.otherState!)).toContain('Afghanistan — réponse à l’indicateur 1.1 (2026)');
    expect(rows.get(ids.otherState!)).toContain('réponse : — → devient Non traité');
    expect(rows.get(ids.otherYear!)).toContain('Colombie — réponse à l’indicateur 1.1 (2027)');

    const figure = await agent.get('/espace/journal?indicateur=5.3&annee=2026').expect(200);
    const figureRows = rowsOf(figure.text);
    expect([...figureRows.keys()]).toEqual([ids.figure]);
    expect(figureRows.get(ids.figure!)).toContain('Chiffre 5.3 (2026)');
    expect(figureRows.get(ids.figure!)).toMatch(/valeur : — → devient 1\u00a0234,5/);
  });

  test('filtered by kind: the registry entries of a State, and publications', async () => {
    const { db, app, ids } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const registry = await agent.get('/espace/journal?etat=col&entite=state').expect(200);
    expect(textOf(fragment(registry.text, '<h1>', '</h1>'))).toBe('Journal — Colombie, registre des États');
    const rows = rowsOf(registry.text);
    expect(rows.size).toBe(countWhere(db, and(eq(auditEntries.state, 'COL'), eq(auditEntries.entity, 'state'))));
    expect(rows.size).toBe(2); // the seed's insert, then the admin's change
    const change = rows.get(ids.registry!)!;
    expect(change).toContain('Registre : Colombie');
    expect(change).toContain(`entrée en vigueur : — → devient ${formatDate('2001-03-01')}`);
    expect(change).not.toContain('nom français');
    expect(change).toContain('Date du dépôt vérifiée');
    const seeded = [...rows.entries()].find(([id]) => id !== ids.registry)![1];
    expect(seeded).toContain('fichiers du catalogue');
    expect(seeded).toContain('nom français : — → devient Colombie');

    const publication = rowsOf((await agent.get('/espace/journal?entite=publication').expect(200)).text);
    expect([...publication.keys()]).toEqual([ids.publication]);
    expect(publication.get(ids.publication!)).toContain('Publication de 2026');
    expect(publication.get(ids.publication!)).toContain('révision : — → devient 1');
    expect(publication.get(ids.publication!)).toContain('note : — → devient Première publication');
  });

  test('the filter form is labelled and keeps the chosen values', async () => {
    const { app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const page = await agent.get('/espace/journal?etat=COL&annee=2026&indicateur=1.1&entite=answer').expect(200);
    const form = fragment(page.text, '<form method="get" action="/espace/journal"', '</form>');
    for (const id of ['journal-etat', 'journal-annee', 'journal-indicateur', 'journal-entite'])
      expect(form).toContain(`<label for="${id}">`);
    expect(form).toContain('<option value="COL" selected>');
    expect(form).toContain('<option value="2026" selected>');
    expect(form).toContain('<option value="answer" selected>');
    expect(form).toContain('value="1.1"');
  });

  test('invalid filters: 400 with a French message beside the field, naming the value', async () => {
    const { app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const page = await agent.get('/espace/journal?annee=1999&etat=XYZ&indicateur=99.9&entite=foo').expect(400);
    expect(await htmlProblems(page.text)).toEqual([]);
    const text = textOf(page.text);
    expect(text).toContain('L’année « 1999 » n’est pas une année du plan');
    expect(text).toContain('L’État « XYZ » n’existe pas dans le registre');
    expect(text).toContain('L’indicateur « 99.9 » n’existe pas dans le Plan d’action');
    expect(text).toContain('Le type de modification « foo » n’existe pas');
    expect(page.text).toContain('aria-describedby="journal-annee-erreur"');
    expect(page.text).toContain('<a href="#journal-etat">');
    expect(page.text).toMatch(/id="journal-indicateur" name="indicateur" value="99.9"[^>]*aria-invalid="true"/);
    expect(rowsOf(page.text).size).toBe(0);

    await agent.get('/espace/journal?etat=USA').expect(200); // a State not party is still in the registry
    await agent.get('/espace/journal?page=zero').expect(400);
    const csv = await agent.get('/espace/journal.csv?indicateur=99.9').expect(400);
    expect(csv.text).toContain('L’indicateur « 99.9 » n’existe pas');
  });

  test('« ordre=ancien » lists the oldest first, keeps the order in its page links and its CSV, and an unknown order is refused', async () => {
    const { db, app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const total = countWhere(db, eq(auditEntries.entity, 'state'));
    expect(total).toBeGreaterThan(100);

    const first = await agent.get('/espace/journal?entite=state&ordre=ancien').expect(200);
    expect(await htmlProblems(first.text)).toEqual([]);
    const ids = [...rowsOf(first.text).keys()];
    expect(ids).toHaveLength(100);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const oldest = db
      .select({ id: auditEntries.id })
      .from(auditEntries)
      .where(eq(auditEntries.entity, 'state'))
      .orderBy(auditEntries.id)
      .get()!.id;
    expect(ids[0]).toBe(oldest);
    expect(textOf(first.text)).toContain('de la plus ancienne à la plus récente');
    expect(first.text).toMatch(/<option value="ancien" selected>/);
    const nav = fragment(first.text, '<nav class="actions-bar" aria-label="Pages du journal">', '</nav>');
    expect(hrefsOf(nav)).toEqual(['/espace/journal?entite=state&ordre=ancien&page=2']);
    expect(textOf(nav)).toContain('Entrées plus récentes');
    expect(hrefsOf(first.text)).toContain('/espace/journal.csv?entite=state&ordre=ancien');

    const csv = await agent.get('/espace/journal.csv?entite=state&ordre=ancien').expect(200);
    const parsed = readCsv('journal.csv', csv.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const csvIds = parsed.table.records.map((r) => Number(r.values[0]));
    expect(csvIds).toHaveLength(total);
    expect(csvIds).toEqual([...csvIds].sort((a, b) => a - b));

    const refused = await agent.get('/espace/journal?ordre=alphabetique').expect(400);
    expect(textOf(refused.text)).toContain('L’ordre « alphabetique » n’existe pas');
  });

  test('100 entries a page, newest first, with links to older and newer entries keeping the filters', async () => {
    const { db, app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const total = countWhere(db, undefined);
    expect(total).toBeGreaterThan(200);
    const newest = lastAuditId(db);

    const first = await agent.get('/espace/journal').expect(200);
    expect(await htmlProblems(first.text)).toEqual([]);
    const firstIds = [...rowsOf(first.text).keys()];
    expect(firstIds).toHaveLength(100);
    expect(firstIds[0]).toBe(newest);
    expect(firstIds).toEqual([...firstIds].sort((a, b) => b - a));
    expect(textOf(first.text)).toContain(`${total} modifications ; de la plus récente à la plus ancienne, entrées 1 à 100`);
    const nav = fragment(first.text, '<nav class="actions-bar" aria-label="Pages du journal">', '</nav>');
    expect(textOf(nav)).not.toContain('plus récentes');
    expect(hrefsOf(nav)).toEqual(['/espace/journal?page=2']);

    const lastPage = Math.ceil(total / 100);
    const last = await agent.get(`/espace/journal?page=${lastPage}`).expect(200);
    const lastIds = [...rowsOf(last.text).keys()];
    expect(lastIds).toHaveLength(total - (lastPage - 1) * 100);
    expect(lastIds[lastIds.length - 1]).toBe(1);
    const lastNav = fragment(last.text, '<nav class="actions-bar" aria-label="Pages du journal">', '</nav>');
    expect(textOf(lastNav)).toContain('Entrées plus récentes');
    expect(textOf(lastNav)).not.toContain('plus anciennes');

    // Filters are kept from page to page.
    const states = countWhere(db, eq(auditEntries.entity, 'state'));
    expect(states).toBeGreaterThan(100);
    const byKind = await agent.get('/espace/journal?entite=state').expect(200);
    expect(hrefsOf(fragment(byKind.text, '<nav class="actions-bar"', '</nav>'))).toEqual(['/espace/journal?entite=state&page=2']);
    const second = await agent.get('/espace/journal?entite=state&page=2').expect(200);
    const secondNav = fragment(second.text, '<nav class="actions-bar"', '</nav>');
    expect(hrefsOf(secondNav)[0]).toBe('/espace/journal?entite=state');
    expect(rowsOf(second.text).size).toBe(Math.min(100, states - 100));
    expect(hrefsOf(second.text)).toContain('/espace/journal.csv?entite=state');

    const beyond = await agent.get(`/espace/journal?entite=state&page=${Math.ceil(states / 100) + 1}`).expect(404);
    expect(textOf(beyond.text)).toContain(`la page ${Math.ceil(states / 100) + 1} n’existe pas`);
  });

  test('an empty result says so', async () => {
    const { app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const page = await agent.get('/espace/journal?etat=KHM&annee=2028').expect(200);
    expect(await htmlProblems(page.text)).toEqual([]);
    expect(textOf(page.text)).toContain('Aucune modification ne correspond à ces filtres.');
    expect(page.text).not.toContain('<table');
  });
});

describe('the journal as CSV', () => {
  test('UTF-8 with BOM, the header, one line per matching entry, and fields quoted when needed', async () => {
    const { db, app, ids } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const page = await agent.get('/espace/journal?etat=COL&annee=2026').expect(200);
    expect(hrefsOf(page.text)).toContain('/espace/journal.csv?annee=2026&etat=COL');

    const response = await agent
      .get('/espace/journal.csv?annee=2026&etat=COL')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?journal-COL-2026\.csv"?$/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\n')[0]).toBe('\ufeffid,date,utilisateur,origine,objet,operation,annee,etat,indicateur,avant,apres,raison');
    expect(text).toContain('"Correction, après ""relecture""\nsuite au courrier"');

    const parsed = readCsv('journal.csv', bytes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const records = parsed.table.records.map((r) => r.values);
    expect(records).toHaveLength(countWhere(db, and(eq(auditEntries.state, 'COL'), eq(auditEntries.year, 2026))));
    expect(records.map((r) => Number(r[0]))).toEqual(
      [ids.report, ids.answerInsert, ids.answerUpdate, ids.membership, ids.validation].sort((a, b) => b! - a!),
    );
    const stored = db.select().from(auditEntries).where(eq(auditEntries.id, ids.answerUpdate!)).get()!;
    const update = records.find((r) => Number(r[0]) === ids.answerUpdate)!;
    expect(update).toEqual([
      String(stored.id),
      '2026-05-03T14:05:00.000Z',
      'marie@example.org',
      'saisie en ligne',
      'Colombie — réponse à l’indicateur 1.1 (2026)',
      'modification',
      '2026',
      'COL',
      '1.1',
      stored.before,
      stored.after,
      REASON,
    ]);
    expect(JSON.parse(update[9]!)).toEqual({ answer: 'yes', source: 'Rapport art. 7', note: SCRIPT_NOTE });
  });

  test('without filters, every entry, unpaginated', async () => {
    const { db, app } = await fixture();
    const agent = await signedInAgent(app, 'marie@example.org');
    const response = await agent.get('/espace/journal.csv').expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?journal-complet\.csv"?$/);
    const parsed = readCsv('journal.csv', response.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.table.records).toHaveLength(countWhere(db, undefined));
  });
});

describe('who sees the journal', () => {
  test('a visitor is sent to the sign-in page, and gets no data', async () => {
    const { app } = await fixture();
    for (const url of ['/espace/journal?etat=COL', '/espace/journal.csv', '/espace/journal.csv?indicateur=1.1']) {
      const response = await request(app).get(url).expect(303);
      expect(response.headers.location).toBe(`/connexion?retour=${encodeURIComponent(url)}`);
      expect(response.text).not.toContain('marie@example.org');
      expect(response.text).not.toContain('Colombie');
      expect(response.headers['content-disposition']).toBeUndefined();
    }
  });

  test('indicator and State pages link to their journal for signed-in users only', async () => {
    const { app } = await fixture();
    const agent = await signedInAgent(app, 'olivier@example.org');
    const indicator = await agent.get('/indicators/1.1').expect(200);
    expect(await htmlProblems(indicator.text)).toEqual([]);
    expect(indicator.text).toContain('<a href="/espace/journal?indicateur=1.1">Journal des modifications de cet indicateur</a>');
    const state = await agent.get('/states/COL').expect(200);
    expect(await htmlProblems(state.text)).toEqual([]);
    expect(state.text).toContain('<a href="/espace/journal?etat=COL">Journal des modifications de cet État</a>');

    const publicIndicator = await request(app).get('/indicators/1.1').expect(200);
    expect(publicIndicator.text).not.toContain('/espace/journal');
    const publicState = await request(app).get('/states/COL').expect(200);
    expect(publicState.text).not.toContain('/espace/journal');
  });
});
