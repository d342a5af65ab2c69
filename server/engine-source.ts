import type { Db } from '../db/client';
import { dataVersion, readEngineData } from '../db/queries/engine-data';
import { EngineSnapshot } from './domain/engine/engine';

/**
 * The engine's results for the current data. The snapshot is kept while the data is unchanged and
 * rebuilt after any write, from this process or another (an import run from the command line).
 */
export function engineSource(db: Db): () => EngineSnapshot {
  let version: string | null = null;
  let snapshot: EngineSnapshot | null = null;
  return () => {
    const current = dataVersion(db);
    if (snapshot === null || current !== version) {
      snapshot = new EngineSnapshot(readEngineData(db));
      version = current;
    }
    return snapshot;
  };
}
