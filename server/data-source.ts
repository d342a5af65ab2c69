import type { Db } from '../db/client';
import { readCatalogue, type Catalogue } from '../db/queries/catalogue';
import { dataVersion, readEngineData } from '../db/queries/engine-data';
import { isDemoDataLoaded } from '../db/queries/meta';
import { EngineSnapshot } from './domain/engine/engine';

/** What pages and the API read: the catalogue and the engine's results, for one version of the data. */
export interface DataView {
  /** Changes whenever the data may have changed: a key for anything derived from it. */
  version: string;
  catalogue: Catalogue;
  engine: EngineSnapshot;
  demo: boolean;
}

/**
 * The current data view. It is kept while the data is unchanged and rebuilt after any write, from
 * this process or another (an import run from the command line), so no restart is ever needed.
 */
export function dataSource(db: Db): () => DataView {
  let view: DataView | null = null;
  return () => {
    const version = dataVersion(db);
    if (view === null || view.version !== version) {
      const catalogue = readCatalogue(db);
      view = { version, catalogue, engine: new EngineSnapshot(readEngineData(db, catalogue)), demo: isDemoDataLoaded(db) };
    }
    return view;
  };
}
