/** What the workspace's forms share: field errors and the reason asked for a change to validated or published data. */

/** A message for one field of a form; `field` is the element id (for aria-describedby and the summary's link). */
export interface FieldError {
  field: string;
  message: string;
}

export const REASON_MAX = 2000;

/**
 * The problem with the reason given for a change, or null: too long, or missing while
 * `requiredBecause` says why one is needed (« l’année 2026 est publiée »).
 */
export function reasonProblem(reason: string, requiredBecause: string | null): string | null {
  const length = [...reason].length;
  if (length > REASON_MAX) return `Raison de la modification : ${REASON_MAX} caractères au plus (vous en avez saisi ${length}).`;
  if (requiredBecause !== null && reason.trim() === '') {
    return `Raison de la modification : obligatoire, car ${requiredBecause}.`;
  }
  return null;
}
