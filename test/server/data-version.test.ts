import request from 'supertest';
import { dataVersion } from '../../db/queries/engine-data';
import { withAudit } from '../../db/queries/audit';
import { answers } from '../../db/schema';
import { testApp } from '../helpers/context';
import { createTestUser, signedInAgent } from '../helpers/session';

/**
 * The data version keys every cached view and page. Sessions, sign-ins and previews write to the
 * database too, but they change no figure: they must not move it (each move rebuilds the engine's
 * views and empties the public page cache).
 */
describe('the data version', () => {
  test('moves with a change to the data, not with sessions', async () => {
    const { db, app } = testApp();
    await createTestUser(db, 'marie@example.org', 'observer');
    const start = dataVersion(db);
    const agent = await signedInAgent(app, 'marie@example.org');
    await agent.get('/espace').expect(200);
    await agent.get('/indicators/1.1').expect(200);
    await request(app).get('/connexion').expect(200);
    expect(dataVersion(db)).toBe(start);

    withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
      tx.insert(answers).values({ year: 2026, state: 'COL', indicator: '1.1', answer: 'yes' }).run();
    });
    expect(dataVersion(db)).not.toBe(start);
  });
});
