import type { Db } from '../../../db/client';
import { withAudit } from '../../../db/queries/audit';
import { answers, populationMemberships } from '../../../db/schema';
import { appWithStaff } from '../../helpers/session';

export const YEAR = 2026;

/**
 * Entered populations of the fixture year, chosen so that French order differs from ISO order and
 * from a byte-wise sort (Équateur, Érythrée and Éthiopie sort among the E).
 */
export const FIXTURE_POPULATIONS: Record<string, string[]> = {
  victims: ['KHM', 'AFG', 'COL'],
  affected: ['ETH', 'KHM', 'ECU', 'AFG', 'TCD', 'ERI', 'COL'],
  extension_request: ['ECU'],
  workplan_update: ['TCD'],
  donor: ['NOR', 'DEU', 'BEL'],
  article4: ['UKR'],
  article3: ['BEL', 'DEU'],
};

/** States answering yes to 46.1 (alleged use) in the fixture year. */
export const ALLEGED_USE = ['UKR'];

export function addMemberships(db: Db, year: number, population: string, states: string[]): void {
  withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
    for (const state of states) tx.insert(populationMemberships).values({ year, state, population }).run();
  });
}

/** The app with its staff (admin, member of the Coordinating Committee, observer) and the fixture's populations. */
export async function meetingApp() {
  const { db, app } = await appWithStaff();
  for (const [population, states] of Object.entries(FIXTURE_POPULATIONS)) addMemberships(db, YEAR, population, states);
  withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) => {
    for (const state of ALLEGED_USE) {
      tx.insert(answers).values({ year: YEAR, state, indicator: '46.1', answer: 'yes', source: 'Comité', note: null }).run();
    }
  });
  return { db, app };
}

/** The fields of a new intersessional meeting on the fixture year, as the form posts them. */
export const INTERSESSIONAL = {
  kind: 'intersessional',
  title: 'Réunions intersessions 2026',
  startsOn: '2026-06-16',
  endsOn: '2026-06-19',
  place: 'Genève, CICG',
  year: String(YEAR),
  agenda: '',
};
