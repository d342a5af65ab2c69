import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import { withAudit } from '../../../db/queries/audit';
import { validateReports } from '../../../db/queries/review';
import { isYearPublished } from '../../../db/queries/releases';
import { answers, auditEntries, populationMemberships, reports } from '../../../db/schema';
import { testApp } from '../../helpers/context';
import { htmlProblems } from '../../helpers/html';
import { createTestUser, signedInAgent } from '../../helpers/session';

async function fixture() {
  const { db, app } = testApp();
  withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
    tx.insert(reports).values([
      { year: 2026, state: 'COL', receivedOn: '2026-04-10', usedReportingGuide: true },
      { year: 2026, state: 'AFG', receivedOn: '2026-04-11', usedReportingGuide: false },
    ]).run();
    tx.insert(answers).values({ year: 2026, state: 'COL', indicator: '1.1', answer: 'yes' }).run();
    tx.insert(populationMemberships).values({ year: 2026, state: 'COL', population: 'affected' }).run();
  });
  await createTestUser(db, 'admin@example.org', 'admin');
  await createTestUser(db, 'membre@example.org', 'member', ['article5']);
  return { db, app };
}

const publish = async (agent: Awaited<ReturnType<typeof signedInAgent>>, year: number) =>
  agent.post(`/espace/annees/${year}/publication`).type('form').send({ _csrf: await agent.csrf() });

describe('publishing a year', () => {
  test('is refused while a report is a draft, naming it; allowed once all are validated; then visitors see the year', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00Z');

    const refused = await publish(admin, 2026);
    expect(refused.status).toBe(409);
    expect(await htmlProblems(refused.text)).toEqual([]);
    expect(refused.text).toContain('L’année 2026 ne peut pas être publiée : 1 rapport est encore en brouillon.');
    expect(refused.text).toContain('<a href="/espace/saisie/2026/AFG">Afghanistan</a>');
    expect(isYearPublished(db, 2026)).toBe(false);
    expect((await request(app).get('/api/v1/indicators?year=2026')).body.hasData).toBe(false);

    validateReports(db, [{ year: 2026, state: 'AFG' }], null, '2026-05-01T00:00:00Z');
    const done = await publish(admin, 2026);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/espace');
    expect((await admin.get(done.headers.location!)).text).toContain('L’année 2026 est publiée');
    expect(isYearPublished(db, 2026)).toBe(true);
    const entry = db.select().from(auditEntries).where(and(eq(auditEntries.entity, 'publication'), eq(auditEntries.year, 2026))).get();
    expect(entry).toMatchObject({ actor: 'admin@example.org', origin: 'web', operation: 'insert' });

    const visitor = await request(app).get('/api/v1/indicators?year=2026').expect(200);
    expect(visitor.body.indicators.find((i: { code: string }) => i.code === '1.1')).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await publish(admin, 2026)).text).toContain('Rien n’a changé dans les données de 2026 depuis sa révision 1');
  });

  test('a year without a validated report has nothing to publish', async () => {
    const { db, app } = await fixture();
    const admin = await signedInAgent(app, 'admin@example.org');
    const refused = await publish(admin, 2027);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('L’année 2027 n’a aucun rapport validé : rien à publier.');
    expect(isYearPublished(db, 2027)).toBe(false);
  });

  test('only an admin may publish, with the form token', async () => {
    const { db, app } = await fixture();
    validateReports(db, [{ year: 2026, state: 'COL' }, { year: 2026, state: 'AFG' }], null, '2026-05-01T00:00:00Z');
    const member = await signedInAgent(app, 'membre@example.org');
    expect((await publish(member, 2026)).status).toBe(403);
    const admin = await signedInAgent(app, 'admin@example.org');
    await admin.post('/espace/annees/2026/publication').type('form').send({}).expect(403);
    await request(app).post('/espace/annees/2026/publication').type('form').send({}).expect(403);
    expect(isYearPublished(db, 2026)).toBe(false);
    // The publish button is shown to admins only.
    expect((await member.get('/espace')).text).not.toContain('Publier 2026');
    expect((await admin.get('/espace')).text).toContain('Publier 2026');
  });
});
