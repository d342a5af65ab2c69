import type { Meeting } from '../../db/queries/meetings';
import { changedBy } from './form-messages';
import { formatDateTime } from './format';

/** A change to a meeting refused because someone saved it after the user's page was built. */
export function meetingConflictMessage(meeting: Pick<Meeting, 'updatedByEmail' | 'updatedAt'> | null): string {
  const by = meeting?.updatedByEmail ? changedBy({ actor: meeting.updatedByEmail, at: meeting.updatedAt }) : changedBy(null);
  return `Cette réunion a été modifiée ${by}, après l’ouverture de votre page. Rien n’a été enregistré.`;
}

/** « Dernière modification par … le … ». */
export function meetingLastChange(meeting: Pick<Meeting, 'updatedByEmail' | 'updatedAt'>): string {
  return meeting.updatedByEmail
    ? `Dernière modification ${changedBy({ actor: meeting.updatedByEmail, at: meeting.updatedAt })}.`
    : `Dernière modification le ${formatDateTime(meeting.updatedAt)}.`;
}
