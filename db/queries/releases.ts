import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { answers, figures, populationMemberships, releases, reports } from '../schema';
import { META } from './meta';
import { prepareOnce } from './prepared';
import type { Release, ReleaseChanges, ReleaseData, ReleaseHistory, ReleaseInfo, ReleaseValue } from '../../server/domain/releases/release';

type ReleaseRow = typeof releases.$inferSelect;

const infoOf = (row: Omit<ReleaseRow, 'data'>): ReleaseInfo => ({
  id: row.id,
  year: row.year,
  revision: row.revision,
  publishedAt: row.publishedAt,
  note: row.note,
  values: row.indicatorValues ? (JSON.parse(row.indicatorValues) as ReleaseValue[]) : [],
  changes: row.changes ? (JSON.parse(row.changes) as ReleaseChanges) : null,
});

const releaseOf = (row: ReleaseRow): Release => ({ ...infoOf(row), data: JSON.parse(row.data!) as ReleaseData });

const withoutData = {
  id: releases.id,
  year: releases.year,
  revision: releases.revision,
  publishedAt: releases.publishedAt,
  publishedBy: releases.publishedBy,
  note: releases.note,
  indicatorValues: releases.indicatorValues,
  changes: releases.changes,
};

/** Every release, without its data, by year, oldest revision first. */
export function readReleaseHistory(db: Db): ReleaseHistory {
  const history: ReleaseHistory = new Map();
  const rows = db.select(withoutData).from(releases).orderBy(asc(releases.year), asc(releases.revision)).all();
  for (const row of rows) {
    if (!history.has(row.year)) history.set(row.year, []);
    history.get(row.year)!.push(infoOf(row));
  }
  return history;
}

/** The latest frozen release of each year, with its data. */
export function readLatestReleases(db: Db): Release[] {
  return db
    .select()
    .from(releases)
    .where(
      sql`${releases.data} IS NOT NULL AND ${releases.revision} = (SELECT max(r.revision) FROM releases r WHERE r.year = ${releases.year})`,
    )
    .orderBy(asc(releases.year))
    .all()
    .map(releaseOf);
}

/** One revision of a year, with its data, or null. */
export function readRelease(db: Db, year: number, revision: number): Release | null {
  const row = db
    .select()
    .from(releases)
    .where(and(eq(releases.year, year), eq(releases.revision, revision)))
    .get();
  return row?.data ? releaseOf(row) : null;
}

/** Years published before releases existed, whose data is not frozen yet. */
export function unfrozenReleases(db: Db): { id: number; year: number }[] {
  return db.select({ id: releases.id, year: releases.year }).from(releases).where(isNull(releases.data)).all();
}

/** The stored rows of one year, before freezing (server/domain/releases/release.ts). */
export function readYearRows(db: Db, year: number) {
  return {
    memberships: db.select().from(populationMemberships).where(eq(populationMemberships.year, year)).all(),
    reports: db.select().from(reports).where(eq(reports.year, year)).all(),
    answers: db.select().from(answers).where(eq(answers.year, year)).all(),
    figures: db.select().from(figures).where(eq(figures.year, year)).all(),
  };
}

export interface NewRelease {
  year: number;
  publishedAt: string;
  publishedBy: number | null;
  note: string | null;
  data: ReleaseData;
  values: Release['values'];
  changes: Release['changes'];
}

/** Adds the next revision of a year; returns its number. */
export function insertRelease(db: Db, release: NewRelease): number {
  const revision =
    db
      .select({ max: sql<number>`coalesce(max(${releases.revision}), 0)` })
      .from(releases)
      .where(eq(releases.year, release.year))
      .get()!.max + 1;
  db.insert(releases)
    .values({
      year: release.year,
      revision,
      publishedAt: release.publishedAt,
      publishedBy: release.publishedBy,
      note: release.note,
      data: JSON.stringify(release.data),
      indicatorValues: JSON.stringify(release.values),
      changes: release.changes ? JSON.stringify(release.changes) : null,
    })
    .run();
  return revision;
}

/** Freezes a release published before releases existed (its only allowed change). */
export function fillRelease(db: Db, id: number, data: ReleaseData, values: Release['values']): void {
  db.update(releases)
    .set({ data: JSON.stringify(data), indicatorValues: JSON.stringify(values) })
    .where(eq(releases.id, id))
    .run();
}

/**
 * A key that changes only when what the public sees may have changed: a new release (ids only
 * grow), a deleted one, or the demonstration flag. Edits to the data do not move it. Null before
 * any release. Asked on every public request, so it reads the ids only: testing `data` would read
 * every release's megabytes (135 µs instead of 3). Freezing earlier publications, which does not
 * move it, happens at start, before the first request.
 */
export function releaseVersion(db: Db): string | null {
  const row = prepareOnce(
    db,
    `SELECT coalesce(max(id), 0) AS last, count(*) AS n, (SELECT value FROM meta WHERE key = '${META.demoData}') AS demo FROM releases`,
  ).get() as { last: number; n: number; demo: string | null };
  return row.n === 0 ? null : `${row.last}:${row.n}:${row.demo ?? ''}`;
}

/** The number of a year's latest revision, or null when it was never published. */
export const latestRevision = (db: Db, year: number): number | null =>
  db
    .select({ revision: sql<number>`max(${releases.revision})` })
    .from(releases)
    .where(eq(releases.year, year))
    .get()?.revision ?? null;

export const isYearPublished = (db: Db, year: number): boolean =>
  db.select({ id: releases.id }).from(releases).where(eq(releases.year, year)).get() !== undefined;

export const anyYearPublished = (db: Db): boolean => db.select({ id: releases.id }).from(releases).get() !== undefined;
