import type { AuditEntry } from '../../db/queries/audit';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * The authors that are not people — the demonstration data and the seed files — by their origin:
 * their stored label is French (seed/demo-load.ts, seed/load.ts), so pages word them in the reader's
 * language. A person is shown as stored (their address).
 */
const SYSTEM_ACTOR_KEYS: Record<string, string> = {
  demo: 'workspace.journal.systemActors.demo',
  seed: 'workspace.journal.systemActors.seed',
};

/** Who made a change, as a page in `locale` names them (« inconnu » when the trail does not say). */
export function actorName(entry: (Pick<AuditEntry, 'actor'> & Partial<Pick<AuditEntry, 'origin'>>) | null, locale: Locale): string {
  if (entry === null) return t(locale, 'workspace.journal.unknownAuthor');
  const key = entry.origin === undefined ? undefined : SYSTEM_ACTOR_KEYS[entry.origin];
  return key ? t(locale, key) : entry.actor;
}
