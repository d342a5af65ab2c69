import request from 'supertest';
import { and, eq } from 'drizzle-orm';
import type { Express } from 'express';
import type { Db } from '../../db/client';
import { lastAuditId, versionOf, withAudit } from '../../db/queries/audit';
import { versionNumber } from '../../server/domain/workspace/form';
import { validateReports } from '../../db/queries/review';
import { isYearPublished } from '../../db/queries/releases';
import { readCatalogue } from '../../server/domain/catalogue';
import { createUser, findUserByEmail, readViewer } from '../../db/queries/users';
import { answers, figures, pendingUploads, populationMemberships, reports, states, validations } from '../../db/schema';
import { previewUpload } from '../../server/domain/workspace/upload';
import { hashPassword } from '../../server/auth/passwords';
import type { Role } from '../../server/domain/permissions';
import { testApp } from '../helpers/context';
import { TEST_PASSWORD, signedInAgent, type Agent } from '../helpers/session';
import { releaseCandidate } from '../../server/domain/releases/publish';

/**
 * The authorization matrix of issue 5: every route that changes something × (visitor, observer,
 * member of another mechanism, member of the mechanism concerned, admin), through real HTTP, each
 * allowed or refused — and a refusal changes nothing.
 *
 * The data: Colombia, affected and with victims in 2026, has a draft report whose answer to 30.1
 * (victim assistance, action 30) is « no »; Afghanistan's 2026 report is validated.
 */

type Viewer = 'visitor' | 'observer' | 'otherMember' | 'member' | 'admin';
const VIEWERS: Viewer[] = ['visitor', 'observer', 'otherMember', 'member', 'admin'];

const ACCOUNTS: Record<Exclude<Viewer, 'visitor'>, { email: string; role: Role; mechanisms: string[] }> = {
  observer: { email: 'observateur@example.org', role: 'observer', mechanisms: [] },
  // Article 5 leads 17–29 and contributes to 2, 3, 4, 6, 9: not to action 30.
  otherMember: { email: 'article5@example.org', role: 'member', mechanisms: ['article5'] },
  member: { email: 'victimes@example.org', role: 'member', mechanisms: ['victim-assistance'] },
  admin: { email: 'uaa@example.org', role: 'admin', mechanisms: [] },
};

let passwordHash: string;
beforeAll(async () => {
  // One hash for every account: argon2id is slow on purpose.
  passwordHash = await hashPassword(TEST_PASSWORD);
});

function fixture(): { db: Db; app: Express } {
  const { db, app } = testApp();
  for (const account of Object.values(ACCOUNTS)) createUser(db, { ...account, passwordHash });
  withAudit(db, { userId: null, label: 'préparation du test', origin: 'cli' }, (tx) => {
    tx.insert(populationMemberships)
      .values([
        { year: 2026, state: 'COL', population: 'affected' },
        { year: 2026, state: 'COL', population: 'victims' },
        { year: 2026, state: 'AFG', population: 'victims' },
      ])
      .run();
    tx.insert(reports)
      .values([
        { year: 2026, state: 'COL', receivedOn: '2026-04-02', usedReportingGuide: true },
        { year: 2026, state: 'AFG', receivedOn: '2026-04-03', usedReportingGuide: true },
      ])
      .run();
    tx.insert(answers)
      .values([
        { year: 2026, state: 'COL', indicator: '30.1', answer: 'no' },
        { year: 2026, state: 'AFG', indicator: '30.1', answer: 'yes' },
      ])
      .run();
    validateReports(tx, [{ year: 2026, state: 'AFG' }], null, '2026-05-01T00:00:00.000Z');
  });
  return { db, app };
}

const ANSWERS_CSV = 'year,state,indicator,answer,source,note\n2026,COL,30.1,yes,Rapport 2026,\n';
let pendingId = '';

const reportVersion = (db: Db, iso3: string) => String(versionNumber(versionOf.report(db, 2026, iso3)));

interface RouteCase {
  name: string;
  /** Who may; everyone else is refused. */
  allowed: Viewer[];
  /** What the data needs before the request, beyond the fixture. */
  prepare?: (db: Db) => void | Promise<void>;
  /** Sends the request (with a valid form token). */
  send: (agent: Agent, db: Db, token: string) => Promise<request.Response>;
  /** Whether the change the request asks for is in the database. */
  done: (db: Db) => boolean;
  /** What a visitor gets: 403 where the CSRF check comes first (a visitor has no session, so no form token), 401 where the route checks the role before reading its multipart body. */
  visitorStatus?: 401 | 403;
}

const ROUTES: RouteCase[] = [
  {
    name: 'POST /espace/saisie/2026/COL (an answer to 30.1, victim assistance)',
    allowed: ['member', 'admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/saisie/2026/COL')
        .type('form')
        .send({ _csrf: token, version: reportVersion(db, 'COL'), 'answer:30.1': 'yes', 'source:30.1': '', 'note:30.1': '' }),
    done: (db) =>
      db
        .select()
        .from(answers)
        .where(and(eq(answers.year, 2026), eq(answers.state, 'COL'), eq(answers.indicator, '30.1')))
        .get()?.answer === 'yes',
  },
  {
    name: 'POST /espace/saisie/2026/COL (the report’s date received)',
    allowed: ['otherMember', 'member', 'admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/saisie/2026/COL')
        .type('form')
        .send({ _csrf: token, version: reportVersion(db, 'COL'), received_on: '2026-04-20', used_reporting_guide: 'yes' }),
    done: (db) =>
      db
        .select()
        .from(reports)
        .where(and(eq(reports.year, 2026), eq(reports.state, 'COL')))
        .get()?.receivedOn === '2026-04-20',
  },
  {
    name: 'POST /espace/saisie/2026/COL (the State’s populations)',
    allowed: ['admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/saisie/2026/COL')
        .type('form')
        .send({
          _csrf: token,
          version: reportVersion(db, 'COL'),
          populations: '1',
          'population:affected': '1',
          'population:victims': '1',
          'population:donor': '1',
        }),
    done: (db) =>
      db
        .select()
        .from(populationMemberships)
        .where(
          and(eq(populationMemberships.year, 2026), eq(populationMemberships.state, 'COL'), eq(populationMemberships.population, 'donor')),
        )
        .get() !== undefined,
  },
  {
    name: 'POST /espace/saisie/2026/COL/validation',
    allowed: ['member', 'admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/saisie/2026/COL/validation')
        .type('form')
        .send({ _csrf: token, version: reportVersion(db, 'COL') }),
    done: (db) =>
      db
        .select()
        .from(validations)
        .where(and(eq(validations.year, 2026), eq(validations.state, 'COL')))
        .get() !== undefined,
  },
  {
    name: 'POST /espace/chiffres/2026',
    allowed: ['admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/chiffres/2026')
        .type('form')
        .send({ _csrf: token, version: String(versionNumber(versionOf.figures(db, 2026))), 'value:5.3': '12' }),
    done: (db) =>
      db
        .select()
        .from(figures)
        .where(and(eq(figures.year, 2026), eq(figures.indicator, '5.3')))
        .get()?.value === 12,
  },
  {
    name: 'POST /espace/registre/COL',
    allowed: ['admin'],
    send: (agent, db, token) =>
      agent
        .post('/espace/registre/COL')
        .type('form')
        .send({
          _csrf: token,
          version: String(versionNumber(versionOf.state(db, 'COL'))),
          party: 'yes',
          party_from: '',
          party_until: '2029-12-31',
        }),
    done: (db) => db.select().from(states).where(eq(states.iso3, 'COL')).get()?.partyUntil === '2029-12-31',
  },
  {
    name: 'POST /espace/annees/2026/publication',
    allowed: ['admin'],
    // Publishing needs every report validated.
    prepare: (db) => {
      validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00.000Z');
    },
    // As confirmed from the preview: its fingerprint, and the reason a year of few reports needs.
    send: (agent, db, token) =>
      agent
        .post('/espace/annees/2026/publication')
        .type('form')
        .send({ _csrf: token, fingerprint: releaseCandidate(db, 2026).fingerprint, reason: 'Essai' }),
    done: (db) => isYearPublished(db, 2026),
  },
  {
    name: 'POST /espace/import (preview of an answers file changing 30.1)',
    allowed: ['member', 'admin'],
    send: (agent, _db, token) =>
      agent.post('/espace/import').field('_csrf', token).attach('fichiers', Buffer.from(ANSWERS_CSV), 'answers.csv'),
    visitorStatus: 401,
    // A preview writes no data: what it keeps is the upload, waiting for confirmation.
    done: (db) => db.select().from(pendingUploads).all().length === 1,
  },
  {
    name: 'POST /espace/import/:id/confirmation (an upload previewed by the admin)',
    allowed: ['admin'],
    prepare: async (db) => {
      const admin = readViewer(db, findUserByEmail(db, ACCOUNTS.admin.email)!.id)!;
      pendingId = (await previewUpload(db, admin, readCatalogue(db), [{ name: 'answers.csv', content: Buffer.from(ANSWERS_CSV) }])).id!;
    },
    send: (agent, _db, token) => agent.post(`/espace/import/${pendingId}/confirmation`).type('form').send({ _csrf: token, motif: '' }),
    done: (db) =>
      db
        .select()
        .from(answers)
        .where(and(eq(answers.year, 2026), eq(answers.state, 'COL'), eq(answers.indicator, '30.1')))
        .get()?.answer === 'yes',
  },
];

describe.each(ROUTES)('$name', (route) => {
  test.each(VIEWERS)('%s', async (viewer) => {
    const { db, app } = fixture();
    const agent = await signedInAgent(app, viewer === 'visitor' ? null : ACCOUNTS[viewer].email);
    const token = await agent.csrf();
    await route.prepare?.(db);
    const response = await route.send(agent, db, token);
    if (route.allowed.includes(viewer)) {
      expect([200, 303]).toContain(response.status);
      expect(route.done(db)).toBe(true);
    } else {
      expect(response.status).toBe(viewer === 'visitor' ? (route.visitorStatus ?? 403) : 403);
      expect(route.done(db)).toBe(false);
    }
  });
});

describe('CSRF: a form posted without a token, or with a wrong one, is refused and changes nothing', () => {
  test.each(ROUTES.map((r) => r.name))('%s', async (name) => {
    const route = ROUTES.find((r) => r.name === name)!;
    const { db, app } = fixture();
    const admin = await signedInAgent(app, ACCOUNTS.admin.email);
    await route.prepare?.(db);
    for (const token of ['', 'jeton-faux']) {
      const before = lastAuditId(db);
      const response = await route.send(admin, db, token);
      expect(response.status).toBe(403);
      expect(response.text).toContain('Ce formulaire a expiré ou ne provient pas de ce site');
      expect(route.done(db)).toBe(false);
      expect(lastAuditId(db)).toBe(before);
    }
  });
});

test('a multipart form is accepted by the upload route only: elsewhere its token is not read, so it is refused', async () => {
  const { db, app } = fixture();
  validateReports(db, [{ year: 2026, state: 'COL' }], null, '2026-05-01T00:00:00.000Z');
  const admin = await signedInAgent(app, ACCOUNTS.admin.email);
  const response = await admin.post('/espace/annees/2026/publication').field('_csrf', await admin.csrf());
  expect(response.status).toBe(403);
  expect(isYearPublished(db, 2026)).toBe(false);
});
