import type { Db } from '../../../db/client';
import { withAudit, type Actor } from '../../../db/queries/audit';
import { isYearPublished, latestRevision, readRelease } from '../../../db/queries/releases';
import { draftStates, readValidations } from '../../../db/queries/review';
import { readYearForRelease, releaseFingerprint, releaseYear, type ReleaseOutcome } from '../releases/publish';
import { sameReleaseData } from '../releases/release';
import { reachesCoverage, releaseCoverage, type Coverage } from '../releases/coverage';

/**
 * Why a publication was refused: drafts, nothing to publish, no confirmation from a preview or a
 * preview of other data (`stale`), or a missing reason for publishing a year of low coverage.
 */
export type PublishRefusal = 'invalid' | 'drafts' | 'nothing' | 'unconfirmed' | 'stale' | 'reason';

/** What exactly was refused, with what a message needs; worded by presenters/publication-preview.ts. */
export type PublishProblem =
  | { code: 'noteTooLong' | 'reasonTooLong'; max: number }
  | { code: 'drafts'; year: number; count: number }
  | { code: 'nothingValidated' | 'unconfirmed' | 'stale' | 'empty'; year: number }
  | { code: 'unchanged'; year: number; revision: number | null }
  | { code: 'reasonMissing'; year: number; minCoverage: number };

export type PublishResult =
  { ok: true; outcome: ReleaseOutcome } | { ok: false; kind: PublishRefusal; problem: PublishProblem; drafts?: string[] };

/** The longest release note accepted. */
export const RELEASE_NOTE_MAX = 2000;
/** The longest reason for publishing a year of low coverage. */
export const LOW_COVERAGE_REASON_MAX = 1000;

/** Form fields of the confirmation, named here so that the domain's messages can point at them. */
export const publishFields = { note: 'note', reason: 'reason', fingerprint: 'fingerprint' } as const;

export interface PublishOptions {
  note?: string | null;
  /** The fingerprint of the data the admin previewed (releaseFingerprint); without it nothing is published. */
  fingerprint?: string | null;
  /** Why the year is published below `minCoverage` (required then, for its first publication). */
  reason?: string | null;
  /** PUBLICATION_MIN_COVERAGE, in percent. */
  minCoverage?: number;
  /** The public note of a first publication below the threshold, in the interface's words. */
  lowCoverageNote?: (coverage: Coverage, minCoverage: number, reason: string, note: string) => string;
  now?: Date;
}

/**
 * Publishes a year: its data as it stands (validated reports only) becomes a release, the first
 * one or a new revision, and the public sees it from then on. Refused while a report of the year is
 * still a draft (the public would see figures without it, and nobody would know), when nothing is
 * validated, when nothing changed since the year's latest release, when the confirmation does not
 * carry the fingerprint of the data as they stand (it did not come from the preview, or the data
 * moved since), and when a first publication below the coverage threshold gives no reason
 * (docs/method.md#publishing).
 */
export function publishYear(db: Db, actor: Actor, year: number, options: PublishOptions = {}): PublishResult {
  const now = options.now ?? new Date();
  const note = (options.note ?? '').trim();
  const reason = (options.reason ?? '').trim();
  if (note.length > RELEASE_NOTE_MAX) {
    return { ok: false, kind: 'invalid', problem: { code: 'noteTooLong', max: RELEASE_NOTE_MAX } };
  }
  if (reason.length > LOW_COVERAGE_REASON_MAX) {
    return { ok: false, kind: 'invalid', problem: { code: 'reasonTooLong', max: LOW_COVERAGE_REASON_MAX } };
  }
  const minCoverage = options.minCoverage ?? 50;
  let publishedNote = note;
  return withAudit(
    db,
    actor,
    (tx): PublishResult => {
      const drafts = draftStates(tx, year);
      if (drafts.length > 0) {
        return { ok: false, kind: 'drafts', problem: { code: 'drafts', year, count: drafts.length }, drafts };
      }
      const published = isYearPublished(tx, year);
      if (!published && readValidations(tx, year).length === 0) {
        return { ok: false, kind: 'nothing', problem: { code: 'nothingValidated', year } };
      }
      const data = readYearForRelease(tx, year);
      const revision = latestRevision(tx, year);
      const previous = revision === null ? null : readRelease(tx, year, revision);
      if (previous && sameReleaseData(previous.data, data)) {
        return {
          ok: false,
          kind: 'nothing',
          problem: { code: 'unchanged', year, revision },
        };
      }
      if (!options.fingerprint) {
        return {
          ok: false,
          kind: 'unconfirmed',
          problem: { code: 'unconfirmed', year },
        };
      }
      if (releaseFingerprint(revision, data) !== options.fingerprint) {
        return {
          ok: false,
          kind: 'stale',
          problem: { code: 'stale', year },
        };
      }
      const coverage = releaseCoverage(data);
      if (!published && !reachesCoverage(coverage, minCoverage)) {
        if (reason === '') {
          return {
            ok: false,
            kind: 'reason',
            problem: { code: 'reasonMissing', year, minCoverage },
          };
        }
        publishedNote = options.lowCoverageNote?.(coverage, minCoverage, reason, note) ?? [reason, note].filter(Boolean).join(' — ');
      }
      const outcome = releaseYear(tx, year, { now: now.toISOString(), by: actor.userId, note: publishedNote });
      if (outcome.status === 'unchanged') {
        return {
          ok: false,
          kind: 'nothing',
          problem: { code: 'unchanged', year, revision: outcome.revision },
        };
      }
      if (outcome.status === 'empty') return { ok: false, kind: 'nothing', problem: { code: 'empty', year } };
      return { ok: true, outcome };
    },
    { now, reason: [reason, note].filter(Boolean).join(' — ') || null },
  );
}
