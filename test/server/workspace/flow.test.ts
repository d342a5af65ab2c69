import request from 'supertest';
import { withAudit } from '../../../db/queries/audit';
import { populationMemberships } from '../../../db/schema';
import { testApp } from '../../helpers/context';
import { createTestUser, signedInAgent } from '../../helpers/session';
import { confirmPublication } from '../../helpers/publication';

/**
 * The issue's « done when »: a member signs in, enters a State's report for a year, has it
 * validated and sees it published by an admin, while the public never sees the draft.
 */
test('a report goes from entry to publication, and visitors see it only then', async () => {
  const { db, app } = testApp();
  await createTestUser(db, 'victimes@example.org', 'member', ['victim-assistance']);
  await createTestUser(db, 'uaa@example.org', 'admin');
  withAudit(db, { userId: null, label: 'registre des populations', origin: 'cli' }, (tx) => {
    tx.insert(populationMemberships).values({ year: 2026, state: 'KHM', population: 'victims' }).run();
  });
  const indicator301 = async () =>
    (await request(app).get('/api/v1/indicators?year=2026')).body.indicators.find((i: { code: string }) => i.code === '30.1');
  const visitorSees = async () => {
    const page = await request(app).get('/states/KHM?year=2026');
    return page.text.includes('Coordination nationale désignée');
  };

  // The member enters the report and an answer (a draft).
  const member = await signedInAgent(app, 'victimes@example.org');
  const form = await member.get('/espace/saisie/2026/KHM').expect(200);
  expect(form.text).toContain('name="answer:30.1"');
  const version = /name="version" value="([0-9]+)"/.exec(form.text)![1]!;
  await member
    .post('/espace/saisie/2026/KHM')
    .type('form')
    .send({
      _csrf: await member.csrf(),
      version,
      received_on: '2026-04-15',
      used_reporting_guide: 'yes',
      'answer:30.1': 'yes',
      'source:30.1': 'Rapport article 7, § 4',
      'note:30.1': 'Coordination nationale désignée',
    })
    .expect(303);
  expect((await member.get('/espace/saisie/2026/KHM')).text).toContain('badge--draft');
  expect(await indicator301()).toMatchObject({ value: null, status: 'no-data' });
  expect(await visitorSees()).toBe(false);

  // The member validates it: still not public, the year is not published.
  const validated = await member.get('/espace/saisie/2026/KHM');
  const validatedVersion = /action="\/espace\/saisie\/2026\/KHM\/validation"[\s\S]*?name="version" value="([0-9]+)"/.exec(
    validated.text,
  )![1]!;
  await member
    .post('/espace/saisie/2026/KHM/validation')
    .type('form')
    .send({ _csrf: await member.csrf(), version: validatedVersion })
    .expect(303);
  expect(await visitorSees()).toBe(false);

  // The admin publishes 2026: the public sees it.
  const admin = await signedInAgent(app, 'uaa@example.org');
  expect((await confirmPublication(admin, 2026, { reason: 'Premiers rapports de 2026' })).status).toBe(303);
  expect(await indicator301()).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  expect(await visitorSees()).toBe(true);
  expect((await member.get('/espace/saisie/2026/KHM')).text).toContain('badge--published');
});
