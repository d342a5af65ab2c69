import Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { openDatabase, SERVER_STATEMENT_BUSY_MS, type Db } from '../../../db/client';
import { answers, auditEntries, figures, reports } from '../../../db/schema';
import { readConfig } from '../../../server/config';
import pino from 'pino';
import type { Express } from 'express';
import { createApp } from '../../../server/app';
import { writeDatabaseFile } from '../../helpers/database-images';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { createTestUser, csrfTokenOf, signedInAgent } from '../../helpers/session';
import { useTempDir } from '../../helpers/temp-dir';

/**
 * A web form posted while another process (an import from the command line) holds the write lock
 * of the same database file: after a bounded wait, 503 with a French message and the form
 * re-rendered with what was typed; nothing half-written; saving again once the lock is released works.
 */

jest.setTimeout(120_000);

const ADMIN = 'uaa@example.org';
const URL = '/espace/saisie/2026/COL';
const NOTE = 'Note saisie « pendant » l’import';
const SOURCE = 'Rapport article 7, § 3';
/** Short, so that the test does not wait the production default (DATABASE_BUSY_TIMEOUT_MS). */
const BUSY_TIMEOUT_MS = 300;
/** How long a form keeps trying (DATABASE_BUSY_TIMEOUT_MS), short here too. */
const FORM_BUDGET_MS = 1500;

/** The app on `db`, its log (server/logger.ts) kept as parsed lines. */
function appWithLog(db: Db, formBudgetMs = FORM_BUDGET_MS) {
  const lines: { level: number; msg: string; err?: { type?: string; message?: string } }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  // The form's own wait (tried again off the event loop), kept short so that the test is.
  const config = { ...readConfig({}), databasePath: ':memory:', demoData: false, databaseBusyTimeoutMs: formBudgetMs };
  return { app: createApp({ db, config, logger }), lines };
}

/** A log line at warn or above (pino: 40 warn, 50 error). */
const problemsIn = (lines: { level: number; msg: string; err?: { message?: string } }[]) =>
  lines.filter((l) => l.level >= 40).map((l) => `${l.msg}${l.err ? ` — ${l.err.message}` : ''}`);

const rowsOf = (db: Db) => ({
  report: db
    .select()
    .from(reports)
    .where(and(eq(reports.year, 2026), eq(reports.state, 'COL')))
    .all(),
  answers: db
    .select()
    .from(answers)
    .where(and(eq(answers.year, 2026), eq(answers.state, 'COL')))
    .all(),
  audit: db.select().from(auditEntries).all().length,
});

/** An administrator signed in on the report form of COL 2026: the agent, and the form's token and version. */
async function onReportForm(app: Express, db: Db) {
  await createTestUser(db, ADMIN, 'admin');
  const agent = await signedInAgent(app, ADMIN);
  const page = await agent.get(URL).expect(200);
  return { agent, form: { _csrf: csrfTokenOf(page.text), version: versionOf(page.text) } };
}

const versionOf = (html: string) => /name="version" value="([0-9]+)"/.exec(html)![1]!;

describe('a busy database never costs a user’s work', () => {
  let db: Db;
  let lock: Database.Database;
  // Both connections closed before their folder goes (useTempDir's hook, declared after this one).
  afterEach(() => {
    if (lock.inTransaction) lock.exec('ROLLBACK');
    lock.close();
    db.$client.close();
  });
  const dir = useTempDir('busy-db-');
  beforeEach(() => {
    // The seeded database built once for the run, as a file (test/helpers/database-images.ts):
    // seeding it again for each test cost about half a second.
    writeDatabaseFile('seeded', dir.file('db.sqlite'));
    db = openDatabase(dir.file('db.sqlite'), { busyTimeoutMs: BUSY_TIMEOUT_MS });
    // A second connection on the same file, as `npm run import` in another process would open.
    lock = new Database(dir.file('db.sqlite'));
  });

  test('a report form posted while an import holds the write lock: 503, French message, input kept, nothing written; then saved', async () => {
    const { app, lines } = appWithLog(db);
    const { agent, form } = await onReportForm(app, db);
    const fields = {
      ...form,
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
      'answer:10.1': 'yes',
      'source:10.1': SOURCE,
      'note:10.1': NOTE,
    };
    const before = rowsOf(db);
    const logged = lines.length;

    lock.exec('BEGIN IMMEDIATE');
    const busy = await agent.post(URL).type('form').send(fields);
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('5');
    const summary = textOf(fragment(busy.text, '<div class="error-summary"', '</div>'));
    expect(summary).toContain('Base de données occupée : rien n’a été enregistré');
    expect(summary).toContain('Vos saisies sont conservées ci-dessous : enregistrez à nouveau dans un instant.');
    // What was typed is in the form again, ready to be saved.
    expect(busy.text).toMatch(/name="received_on"[^>]*value="2026-03-14"/);
    expect(busy.text).toMatch(/id="answer-10\.1-yes" name="answer:10\.1" value="yes" checked/);
    expect(busy.text).toContain(`name="source:10.1" value="${SOURCE}"`);
    expect(busy.text).toContain('Note saisie « pendant » l’import</textarea>');
    expect(await htmlProblems(busy.text)).toEqual([]);
    // Nothing written; the log has the request's line only, no error (no crash, no second answer).
    expect(rowsOf(db)).toEqual(before);
    expect(problemsIn(lines.slice(logged))).toEqual([
      expect.stringMatching(/^POST \S*\/saisie\/2026\/COL 503 — failed with status code 503$/),
    ]);

    // The import ends; the user saves the re-rendered form again, as it stands.
    lock.exec('COMMIT');
    const again = await agent
      .post(URL)
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(busy.text), version: versionOf(busy.text) });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(URL);
    const after = rowsOf(db);
    expect(after.report.map((r) => r.receivedOn)).toEqual(['2026-03-14']);
    expect(after.answers.map((a) => [a.indicator, a.answer, a.source, a.note])).toEqual([['10.1', 'yes', SOURCE, NOTE]]);
    expect(after.audit).toBe(before.audit + 2);
  });

  test('while a form waits for the lock, other requests are served; a lock released within the wait lets the save through', async () => {
    // A long budget: on a loaded machine the visitor's page may take seconds, and the form must still be waiting then.
    const { app } = appWithLog(db, 30_000);
    // As the server sets it (server/main.ts): a statement gives up quickly, the form tries again.
    db.$client.pragma(`busy_timeout = ${SERVER_STATEMENT_BUSY_MS}`);
    const { agent, form } = await onReportForm(app, db);
    const fields = {
      ...form,
      received_on: '2026-03-14',
      used_reporting_guide: 'yes',
    };
    const server = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      lock.exec('BEGIN IMMEDIATE');
      let formAnswered = false;
      const posted = agent
        .post(URL)
        .type('form')
        .send(fields)
        .then((r) => {
          formAnswered = true;
          return r;
        });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The form is waiting for the lock; a visitor's page is answered meanwhile, not after the form
      // (measured by order, not by wall time, which a loaded machine stretches).
      const visitor = await fetch(`${base}/methodologie`);
      expect(visitor.status).toBe(200);
      expect(formAnswered).toBe(false);
      lock.exec('COMMIT');
      const saved = await posted;
      expect(saved.status).toBe(303);
      expect(rowsOf(db).report.map((r) => r.receivedOn)).toEqual(['2026-03-14']);
    } finally {
      server.close();
    }
  });

  test('the figures form, likewise: 503, the typed figure kept, nothing written', async () => {
    const { app } = appWithLog(db);
    await createTestUser(db, ADMIN, 'admin');
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get('/espace/chiffres/2026').expect(200);
    const fields = {
      _csrf: csrfTokenOf(page.text),
      version: /name="version" value="([0-9]+)"/.exec(page.text)![1]!,
      'value:5.3': '12,5',
      reason: 'Chiffre du rapport',
    };
    lock.exec('BEGIN IMMEDIATE');
    const busy = await agent.post('/espace/chiffres/2026').type('form').send(fields);
    expect(busy.status).toBe(503);
    expect(textOf(fragment(busy.text, '<div class="error-summary"', '</div>'))).toContain('Vos saisies sont conservées ci-dessous');
    expect(busy.text).toMatch(/name="value:5\.3" value="12,5"/);
    expect(busy.text).toContain('>Chiffre du rapport</textarea>');
    expect(db.select().from(figures).all()).toEqual([]);
    lock.exec('COMMIT');
    const again = await agent
      .post('/espace/chiffres/2026')
      .type('form')
      .send({ ...fields, _csrf: csrfTokenOf(busy.text) });
    expect(again.status).toBe(303);
    expect(
      db
        .select()
        .from(figures)
        .all()
        .map((f) => [f.year, f.indicator, f.value]),
    ).toEqual([[2026, '5.3', 12.5]]);
  });

  test('pages read during the import are sent whole, and nothing fails after them', async () => {
    const { app, lines } = appWithLog(db);
    await createTestUser(db, ADMIN, 'admin');
    const reader = await signedInAgent(app, ADMIN);
    await reader.get('/espace').expect(200);
    const newcomer = await signedInAgent(app, ADMIN);
    lock.exec('BEGIN IMMEDIATE');
    const logged = lines.length;
    {
      // A session that has its form token only pushes its expiry back: skipped, without waiting.
      const read = await reader.get(URL);
      // The first page after signing in gives the session its token: that save waits, fails after
      // the page is sent, and is only noted.
      const first = await newcomer.get(URL);
      expect([read.status, first.status]).toEqual([200, 200]);
      expect(first.text).toContain('</html>');
      await new Promise((resolve) => setTimeout(resolve, 2 * BUSY_TIMEOUT_MS));
      expect(problemsIn(lines.slice(logged))).toEqual([`Session non enregistrée (base de données occupée) pour GET ${URL}.`]);
    }
  });

  test('another form without its own handling answers 503 in French, not 500', async () => {
    const { app, lines } = appWithLog(db);
    await createTestUser(db, ADMIN, 'admin');
    const agent = await signedInAgent(app, ADMIN);
    const page = await agent.get('/espace/reunions/nouvelle').expect(200);
    lock.exec('BEGIN IMMEDIATE');
    const logged = lines.length;
    const response = await agent
      .post('/espace/reunions')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'intersessional',
        title: 'Réunions intersessions 2026',
        startsOn: '2026-06-16',
        endsOn: '2026-06-19',
        place: 'Genève',
        year: '2026',
        agenda: '',
      });
    expect(response.status).toBe(503);
    expect(textOf(response.text)).toContain(
      'Une autre opération (un import, par exemple) occupe la base de données : rien n’a été enregistré.',
    );
    expect(problemsIn(lines.slice(logged))).toEqual([expect.stringMatching(/^POST \S*reunions 503 — Une autre opération/)]);
  });

  test('the wait is configurable: DATABASE_BUSY_TIMEOUT_MS, in milliseconds, 5000 by default', () => {
    expect(readConfig({}).databaseBusyTimeoutMs).toBe(5000);
    expect(readConfig({ DATABASE_BUSY_TIMEOUT_MS: '250' }).databaseBusyTimeoutMs).toBe(250);
    expect(() => readConfig({ DATABASE_BUSY_TIMEOUT_MS: 'deux secondes' })).toThrow(
      'DATABASE_BUSY_TIMEOUT_MS doit être un nombre de millisecondes entre 0 et 600000 (reçu : « deux secondes »).',
    );
    // The connection applies it.
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
  });
});
