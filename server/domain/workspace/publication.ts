import type { Db } from '../../../db/client';
import { withAudit, type Actor } from '../../../db/queries/audit';
import { isYearPublished } from '../../../db/queries/releases';
import { draftStates } from '../../../db/queries/review';
import { validations } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { releaseYear, type ReleaseOutcome } from '../releases/publish';

export type PublishResult = { ok: true; outcome: ReleaseOutcome } | { ok: false; message: string; drafts?: string[] };

/** The longest release note accepted. */
export const RELEASE_NOTE_MAX = 2000;

/**
 * Publishes a year: its data as it stands (validated reports only) becomes a release, the first
 * one or a new revision, and the public sees it from then on. Refused while a report of the year is
 * still a draft (the public would see figures without it, and nobody would know), when nothing is
 * validated, and when nothing changed since the year's latest release.
 */
export function publishYear(
  db: Db,
  actor: Actor,
  year: number,
  options: { note?: string | null; now?: Date } = {},
): PublishResult {
  const now = options.now ?? new Date();
  if ((options.note ?? '').length > RELEASE_NOTE_MAX) {
    return { ok: false, message: `La note de publication dépasse ${RELEASE_NOTE_MAX} caractères.` };
  }
  return withAudit(
    db,
    actor,
    (tx): PublishResult => {
      const drafts = draftStates(tx, year);
      if (drafts.length > 0) {
        const n = drafts.length;
        return {
          ok: false,
          message: `L’année ${year} ne peut pas être publiée : ${n} rapport${n > 1 ? 's sont' : ' est'} encore en brouillon. Faites-les valider d’abord.`,
          drafts,
        };
      }
      if (!isYearPublished(tx, year) && !tx.select().from(validations).where(eq(validations.year, year)).get()) {
        return { ok: false, message: `L’année ${year} n’a aucun rapport validé : rien à publier.` };
      }
      const outcome = releaseYear(tx, year, { now: now.toISOString(), by: actor.userId, note: options.note });
      if (outcome.status === 'unchanged') {
        return {
          ok: false,
          message: `Rien n’a changé dans les données de ${year} depuis sa révision ${outcome.revision} : aucune nouvelle révision n’est publiée.`,
        };
      }
      if (outcome.status === 'empty') return { ok: false, message: `L’année ${year} ne contient aucune donnée : rien à publier.` };
      return { ok: true, outcome };
    },
    { now, reason: options.note },
  );
}
