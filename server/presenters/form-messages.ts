import type { AuditEntry } from '../../db/queries/audit';
import { formatDateTime } from './format';

/** What the workspace's forms say after a save, and when someone else saved first. */

/** « par marie@example.org le 23 novembre 2026 à 14:05 », from the audit entry of the change. */
export const changedBy = (entry: Pick<AuditEntry, 'actor' | 'at'> | null): string =>
  entry ? `par ${entry.actor} le ${formatDateTime(entry.at)}` : 'par quelqu’un d’autre';

/** « Dernière modification par … le … », or null when never changed. */
export const lastChangeText = (entry: AuditEntry | null): string | null => (entry ? `Dernière modification ${changedBy(entry)}.` : null);

/** A save refused by the optimistic version check; `what` says what changed (« Ce rapport a été modifié »). */
export function conflictMessage(entry: AuditEntry | null, what: string): string {
  return (
    `${what} ${changedBy(entry)}, après l’ouverture de votre formulaire. Rien n’a été enregistré. ` +
    'Vos saisies sont conservées ci-dessous et les valeurs enregistrées entre-temps sont indiquées près de chaque champ : ' +
    'vérifiez-les, puis enregistrez à nouveau pour remplacer ces valeurs par les vôtres.'
  );
}

export const savedMessage = (changes: number): string =>
  changes === 0
    ? 'Aucune modification : les valeurs saisies étaient déjà enregistrées.'
    : `Enregistré : ${changes} modification${changes > 1 ? 's' : ''}.`;

/** A save that found the database busy (an import from the command line holds it) past the wait. */
export const BUSY_TITLE = 'Base de données occupée : rien n’a été enregistré';
export const BUSY_MESSAGE =
  'Une autre opération (un import, par exemple) occupe la base de données depuis plusieurs secondes. ' +
  'Vos saisies sont conservées ci-dessous : enregistrez à nouveau dans un instant.';
