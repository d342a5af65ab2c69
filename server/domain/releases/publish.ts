import { createHash } from 'node:crypto';
import { inTransaction, type Db } from '../../../db/client';
import { readCatalogue } from '../catalogue';
import { engineIndicators, readRegistry } from '../stored-data';
import { fillRelease, insertRelease, readLatestReleases, readRelease, readYearRows, unfrozenReleases } from '../../../db/queries/releases';
import { readValidations } from '../../../db/queries/review';
import { pairKey } from '../review';
import { EngineSnapshot } from '../engine/engine';
import {
  freezeYear,
  hasReleaseContent,
  releaseChanges,
  releasedEngineData,
  releaseValues,
  sameReleaseData,
  type Release,
  type ReleaseData,
} from './release';

/** first: the year's first release; revision: a new revision; unchanged: same data as its latest release; empty: nothing to publish. */
export type ReleaseStatus = 'first' | 'revision' | 'unchanged' | 'empty';

export interface ReleaseOutcome {
  year: number;
  status: ReleaseStatus;
  /** The revision now public (null when the year is still unpublished). */
  revision: number | null;
  publishedAt: string | null;
}

// One revision of a year as published, with its data: what the public downloads.
export { readRelease };

/** What the year would be if it were published now: its data, validated reports and answers only. */
export function readYearForRelease(db: Db, year: number): ReleaseData {
  return freezeYear(
    { states: readRegistry(db), ...readYearRows(db, year) },
    year,
    new Set(readValidations(db, year).map((v) => pairKey(v.year, v.state))),
  );
}

/** The values of `data`'s year if it were published beside the other years' latest releases. */
function valuesWith(db: Db, data: ReleaseData, latest: Release[] = readLatestReleases(db)) {
  const others = latest.filter((r) => r.year !== data.year);
  const engineData = releasedEngineData(engineIndicators(readCatalogue(db)), [...others, { id: Number.MAX_SAFE_INTEGER, data }]);
  return releaseValues(new EngineSnapshot(engineData), data.year);
}

/**
 * A digest of what publishing `year` would freeze, on top of which revision: the preview shows it,
 * the confirmation sends it back, and a publication whose data moved in between is refused.
 */
export const releaseFingerprint = (previousRevision: number | null, data: ReleaseData): string =>
  createHash('sha256')
    .update(`${previousRevision ?? 0}\n${JSON.stringify(data)}`)
    .digest('base64url');

/** What publishing a year now would release, and the public's engine as it would then compute. */
export interface ReleaseCandidate {
  year: number;
  data: ReleaseData;
  /** The year's latest release, or null before its first publication. */
  previous: Release | null;
  /** The latest release of every other year, with the candidate in its year's place. */
  releasesAfter: { year: number; data: ReleaseData }[];
  engineAfter: EngineSnapshot;
  fingerprint: string;
}

/** The release publishing `year` would make, computed without writing anything. */
export function releaseCandidate(db: Db, year: number): ReleaseCandidate {
  const data = readYearForRelease(db, year);
  const latest = readLatestReleases(db);
  const previous = latest.find((r) => r.year === year) ?? null;
  const others = latest.filter((r) => r.year !== year);
  const engineAfter = new EngineSnapshot(
    releasedEngineData(engineIndicators(readCatalogue(db)), [...others, { id: Number.MAX_SAFE_INTEGER, data }]),
  );
  return {
    year,
    data,
    previous,
    releasesAfter: [...others, { year, data }],
    engineAfter,
    fingerprint: releaseFingerprint(previous?.revision ?? null, data),
  };
}

/**
 * Freezes what the year holds now (validated reports only) as its next release, unless it holds
 * the same as its latest release. Call inside the caller's transaction, after the drafts check.
 */
export function releaseYear(db: Db, year: number, options: { now: string; by: number | null; note?: string | null }): ReleaseOutcome {
  const data = readYearForRelease(db, year);
  const latest = readLatestReleases(db);
  const previous = latest.find((r) => r.year === year) ?? null;
  if (previous && sameReleaseData(previous.data, data)) {
    return { year, status: 'unchanged', revision: previous.revision, publishedAt: previous.publishedAt };
  }
  if (!previous && !hasReleaseContent(data)) return { year, status: 'empty', revision: null, publishedAt: null };
  const values = valuesWith(db, data, latest);
  const revision = insertRelease(db, {
    year,
    publishedAt: options.now,
    publishedBy: options.by,
    note: options.note?.trim() || null,
    data,
    values,
    changes: previous ? releaseChanges(previous, { data, values }) : null,
  });
  return { year, status: previous ? 'revision' : 'first', revision, publishedAt: options.now };
}

/** Releases the years in order; used by imports and the demonstration data. */
export function releaseYears(db: Db, years: number[], options: { now: string; by: number | null; note?: string | null }): ReleaseOutcome[] {
  return [...new Set(years)].sort((a, b) => a - b).map((year) => releaseYear(db, year, options));
}

/**
 * Freezes the years published before releases existed (migration 0004 left their data empty), with
 * what they hold now: the public saw exactly that until then. Returns how many were frozen.
 */
export function freezeEarlierPublications(db: Db): number {
  return inTransaction(
    db,
    (tx) => {
      const pending = unfrozenReleases(tx);
      for (const { id, year } of pending) {
        const data = readYearForRelease(tx, year);
        fillRelease(tx, id, data, valuesWith(tx, data));
      }
      return pending.length;
    },
    'deferred',
  );
}
