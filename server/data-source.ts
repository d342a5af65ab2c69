import type { Request } from 'express';
import type { Db } from '../db/client';
import { readCatalogue, type Catalogue } from '../db/queries/catalogue';
import { dataVersion, readEngineData } from '../db/queries/engine-data';
import { isDemoDataLoaded } from '../db/queries/meta';
import { readReviewState } from '../db/queries/review';
import { EngineSnapshot } from './domain/engine/engine';
import { draftsByYear, publicEngineData, type ReviewState } from './domain/review';

/**
 * public: visitors who are not signed in, who see published years and validated reports only;
 * workspace: signed-in users, who see everything, drafts included.
 */
export type Audience = 'public' | 'workspace';

export const audienceOf = (req: Request): Audience => (req.viewer ? 'workspace' : 'public');

/** What pages and the API read: the catalogue and the engine's results, for one version of the data and one audience. */
export interface DataView {
  /** Changes whenever the data may have changed: a key for anything derived from it. */
  version: string;
  audience: Audience;
  catalogue: Catalogue;
  engine: EngineSnapshot;
  demo: boolean;
  review: ReviewState;
  /** States whose report for a year is a draft (workspace only; empty for the public). */
  drafts: Map<number, Set<string>>;
}

export type DataSource = (audience?: Audience) => DataView;

/**
 * The current data view for an audience. Both views are kept while the data is unchanged and
 * rebuilt after any write, from this process or another (an import run from the command line),
 * so no restart is ever needed. The public view defaults, so that forgetting the audience never
 * shows a draft.
 */
export function dataSource(db: Db): DataSource {
  let current: { version: string; build: (audience: Audience) => DataView; views: Partial<Record<Audience, DataView>> } | null = null;
  return (audience = 'public') => {
    const version = dataVersion(db);
    if (current === null || current.version !== version) {
      const catalogue = readCatalogue(db);
      const data = readEngineData(db, catalogue);
      const review = readReviewState(db);
      const common = { version, catalogue, demo: isDemoDataLoaded(db), review };
      // Each audience's engine is built when first asked for: most requests are the public's.
      const build = (a: Audience): DataView =>
        a === 'public'
          ? { ...common, audience: a, engine: new EngineSnapshot(publicEngineData(data, review)), drafts: new Map() }
          : { ...common, audience: a, engine: new EngineSnapshot(data), drafts: draftsByYear(data, review) };
      current = { version, build, views: {} };
    }
    return (current.views[audience] ??= current.build(audience));
  };
}
