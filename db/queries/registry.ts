import type { Db } from '../client';
import type { RegistryState } from '../../server/domain/registry';
import { readKindRows } from './data-kinds';

/** The registry of States as the database holds it now, by ISO code. */
export function readRegistry(db: Db): RegistryState[] {
  return readKindRows(db, 'states');
}
