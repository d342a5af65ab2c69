/**
 * The journal: the audit trail as the workspace reads it, narrowed by year, State, indicator or
 * kind of change. Reading it applies no rule of the method, so the queries are handed on as they
 * are; routes and presenters reach them here, never in db/queries.
 */
export { AUDIT_ENTITIES, type AuditEntity } from '../../db/codes';
export {
  journalMentionsState,
  readJournal,
  readJournalPage,
  userEmailsOf,
  type AuditOperation,
  type JournalFilter,
  type JournalOrder,
  type JournalPage,
} from '../../db/queries/audit-journal';
export type { AuditEntry } from '../../db/queries/audit';
