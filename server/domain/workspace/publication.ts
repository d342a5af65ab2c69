import type { Db } from '../../../db/client';
import { withAudit, type Actor } from '../../../db/queries/audit';
import { draftStates, isYearPublished } from '../../../db/queries/review';
import { validations } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { publishYears } from '../exchange/apply';

export type PublishResult = { ok: true } | { ok: false; message: string; drafts?: string[] };

/**
 * Publishes a year: the public then sees its figures and validated reports. Refused while a report
 * of the year is still a draft (the public would see figures without it, and nobody would know),
 * when nothing is validated, or when it is published already.
 */
export function publishYear(db: Db, actor: Actor, year: number, now: Date = new Date()): PublishResult {
  return withAudit(
    db,
    actor,
    (tx): PublishResult => {
      if (isYearPublished(tx, year)) return { ok: false, message: `L’année ${year} est déjà publiée.` };
      const drafts = draftStates(tx, year);
      if (drafts.length > 0) {
        const n = drafts.length;
        return {
          ok: false,
          message: `L’année ${year} ne peut pas être publiée : ${n} rapport${n > 1 ? 's sont' : ' est'} encore en brouillon. Faites-les valider d’abord.`,
          drafts,
        };
      }
      if (!tx.select().from(validations).where(eq(validations.year, year)).get()) {
        return { ok: false, message: `L’année ${year} n’a aucun rapport validé : rien à publier.` };
      }
      publishYears(tx, [year], now.toISOString());
      return { ok: true };
    },
    { now },
  );
}
