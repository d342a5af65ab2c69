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

export type PublishResult = { ok: true; outcome: ReleaseOutcome } | { ok: false; kind: PublishRefusal; message: string; drafts?: string[] };

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
    return { ok: false, kind: 'invalid', message: `La note de publication dépasse ${RELEASE_NOTE_MAX} caractères.` };
  }
  if (reason.length > LOW_COVERAGE_REASON_MAX) {
    return { ok: false, kind: 'invalid', message: `La raison de publier dépasse ${LOW_COVERAGE_REASON_MAX} caractères.` };
  }
  const minCoverage = options.minCoverage ?? 50;
  let publishedNote = note;
  return withAudit(
    db,
    actor,
    (tx): PublishResult => {
      const drafts = draftStates(tx, year);
      if (drafts.length > 0) {
        const n = drafts.length;
        return {
          ok: false,
          kind: 'drafts',
          message: `L’année ${year} ne peut pas être publiée : ${n} rapport${n > 1 ? 's sont' : ' est'} encore en brouillon. Faites-les valider d’abord.`,
          drafts,
        };
      }
      const published = isYearPublished(tx, year);
      if (!published && readValidations(tx, year).length === 0) {
        return { ok: false, kind: 'nothing', message: `L’année ${year} n’a aucun rapport validé : rien à publier.` };
      }
      const data = readYearForRelease(tx, year);
      const revision = latestRevision(tx, year);
      const previous = revision === null ? null : readRelease(tx, year, revision);
      if (previous && sameReleaseData(previous.data, data)) {
        return {
          ok: false,
          kind: 'nothing',
          message: `Rien n’a changé dans les données de ${year} depuis sa révision ${revision} : aucune nouvelle révision n’est publiée.`,
        };
      }
      if (!options.fingerprint) {
        return {
          ok: false,
          kind: 'unconfirmed',
          message: `Rien n’a été publié : une année se publie depuis son aperçu, en confirmant après l’avoir relu. Relisez l’aperçu de ${year} ci-dessous puis confirmez.`,
        };
      }
      if (releaseFingerprint(revision, data) !== options.fingerprint) {
        return {
          ok: false,
          kind: 'stale',
          message: `Rien n’a été publié : les données de ${year} ont changé depuis l’aperçu que vous avez confirmé (une saisie, une validation ou une publication a eu lieu entre-temps). Relisez l’aperçu mis à jour ci-dessous puis confirmez à nouveau.`,
        };
      }
      const coverage = releaseCoverage(data);
      if (!published && !reachesCoverage(coverage, minCoverage)) {
        if (reason === '') {
          return {
            ok: false,
            kind: 'reason',
            message: `Indiquez pourquoi publier ${year} maintenant : moins de ${minCoverage}\u00a0% des États parties y ont un rapport validé. Cette raison sera publiée dans la note de publication.`,
          };
        }
        publishedNote = options.lowCoverageNote?.(coverage, minCoverage, reason, note) ?? [reason, note].filter(Boolean).join(' — ');
      }
      const outcome = releaseYear(tx, year, { now: now.toISOString(), by: actor.userId, note: publishedNote });
      if (outcome.status === 'unchanged') {
        return {
          ok: false,
          kind: 'nothing',
          message: `Rien n’a changé dans les données de ${year} depuis sa révision ${outcome.revision} : aucune nouvelle révision n’est publiée.`,
        };
      }
      if (outcome.status === 'empty')
        return { ok: false, kind: 'nothing', message: `L’année ${year} ne contient aucune donnée : rien à publier.` };
      return { ok: true, outcome };
    },
    { now, reason: [reason, note].filter(Boolean).join(' — ') || null },
  );
}
