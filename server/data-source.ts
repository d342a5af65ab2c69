import type { Request } from 'express';
import type { Db } from '../db/client';
import { readCatalogue, type Catalogue } from './domain/catalogue';
import { dataVersion } from '../db/queries/engine-data';
import { engineIndicators, readEngineData, readRegistry, readReviewState } from './domain/stored-data';
import { isDemoDataLoaded } from '../db/queries/meta';
import { readLatestReleases, readReleaseHistory, releaseVersion } from '../db/queries/releases';
import { EngineSnapshot } from './domain/engine/engine';
import { releasedEngineData, unreleasedYears, type Release, type ReleaseHistory } from './domain/releases/release';
import { draftsByYear, pairKey, type ReviewState } from './domain/review';
import { publicDefaultYear } from './domain/releases/coverage';

/**
 * public: visitors who are not signed in, who see the latest release of each published year;
 * workspace: signed-in users, who see the data as it stands, drafts included.
 */
export type Audience = 'public' | 'workspace';

export const audienceOf = (req: Request): Audience => (req.viewer ? 'workspace' : 'public');

/** What pages and the API read: the catalogue and the engine's results, for one version of the data and one audience. */
export interface DataView {
  /** Changes whenever what this audience sees may have changed: a key for anything derived from it. */
  version: string;
  audience: Audience;
  catalogue: Catalogue;
  engine: EngineSnapshot;
  demo: boolean;
  review: ReviewState;
  /** States whose report for a year is a draft (workspace only; empty for the public). */
  drafts: Map<number, Set<string>>;
  /** Every release of every year, oldest revision first. */
  releases: ReleaseHistory;
  /** The latest release of each year, with its data (read on first use, then kept with the view). */
  latestReleases: () => Release[];
  /** Published years changed since their latest release (workspace; none for the public, who sees releases). */
  unreleasedYears: () => Set<number>;
  /**
   * The year shown when none is asked for: the latest year with data in the workspace; for the
   * public, the latest published year complete enough (docs/method.md#the-default-year).
   */
  defaultYear: number;
}

/** `compute` run on first call only, its result kept. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | null = null;
  return () => (result ??= { value: compute() }).value;
}

export type DataSource = (audience?: Audience) => DataView;

export interface DataSourceOptions {
  /** PUBLICATION_MIN_COVERAGE: the coverage, in percent, a published year needs to become the public's default year. */
  publicationMinCoverage: number;
}

/** The public's review state: what the releases hold is, by definition, validated and published. */
function releasedReview(latest: Release[]): ReviewState {
  const review: ReviewState = { published: new Map(), validated: new Map() };
  for (const { year, publishedAt, data } of latest) {
    review.published.set(year, publishedAt);
    for (const row of [...data.reports, ...data.answers]) {
      review.validated.set(pairKey(row.year, row.state), { validatedBy: null, validatedAt: publishedAt });
    }
  }
  return review;
}

interface Builder {
  version: (db: Db) => string;
  build: (db: Db, options: DataSourceOptions) => Omit<DataView, 'version' | 'audience'>;
}

const builders: Record<Audience, Builder> = {
  // The public reads releases only: edits in the workspace change nothing it sees until the next release.
  public: {
    // Before the first release, the public sees the registry as it stands (and nothing else).
    version: (db) => releaseVersion(db) ?? `registry:${dataVersion(db)}`,
    build(db, options) {
      const catalogue = readCatalogue(db);
      const latest = readLatestReleases(db);
      const registry = latest.length === 0 ? readRegistry(db) : [];
      return {
        catalogue,
        engine: new EngineSnapshot(releasedEngineData(engineIndicators(catalogue), latest, registry)),
        demo: isDemoDataLoaded(db),
        review: releasedReview(latest),
        drafts: new Map(),
        releases: readReleaseHistory(db),
        latestReleases: () => latest,
        unreleasedYears: () => new Set(),
        defaultYear: publicDefaultYear(latest, options.publicationMinCoverage),
      };
    },
  },
  workspace: {
    version: dataVersion,
    build(db) {
      const catalogue = readCatalogue(db);
      const data = readEngineData(db, catalogue);
      const review = readReviewState(db);
      const latestReleases = once(() => readLatestReleases(db));
      const engine = new EngineSnapshot(data);
      return {
        catalogue,
        engine,
        demo: isDemoDataLoaded(db),
        review,
        drafts: draftsByYear(data, review),
        releases: readReleaseHistory(db),
        latestReleases,
        unreleasedYears: once(() => unreleasedYears(data, review.validated, latestReleases())),
        defaultYear: engine.latestYear(),
      };
    },
  },
};

/**
 * The current data view for an audience, kept while its version is unchanged and rebuilt after a
 * change, from this process or another (an import run from the command line), so no restart is
 * ever needed. Each audience's view is built when first asked for. The public view is the default,
 * so that forgetting the audience never shows a draft.
 */
export function dataSource(db: Db, options: DataSourceOptions = { publicationMinCoverage: 50 }): DataSource {
  const current: Partial<Record<Audience, DataView>> = {};
  return (audience = 'public') => {
    const version = builders[audience].version(db);
    let view = current[audience];
    if (view?.version !== version) {
      view = { version, audience, ...builders[audience].build(db, options) };
      current[audience] = view;
    }
    return view;
  };
}
