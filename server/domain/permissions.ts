import type { Catalogue } from './catalogue';
import type { Locale } from '../i18n/locale';

export type Role = 'admin' | 'member' | 'observer';

export const ROLES: readonly Role[] = ['admin', 'member', 'observer'];

/** A signed-in user, as requests see them. */
export interface Viewer {
  id: number;
  email: string;
  role: Role;
  /** Mechanism ids; only members have some. */
  mechanisms: string[];
  /** The language the workspace answers them in (French when not said). */
  locale?: Locale;
}

export const isAdmin = (viewer: Viewer | null | undefined): boolean => viewer?.role === 'admin';

/** Whether the viewer may change anything at all (observers and visitors may not). */
export const canWrite = (viewer: Viewer | null | undefined): boolean => viewer?.role === 'admin' || viewer?.role === 'member';

/** The actions whose indicators the viewer may answer: all for an admin; those their mechanisms lead or contribute to for a member. */
export function editableActions(viewer: Viewer | null | undefined, catalogue: Catalogue): Set<number> {
  if (!viewer || viewer.role === 'observer') return new Set();
  if (viewer.role === 'admin') return new Set(catalogue.actions.map((a) => a.number));
  const mine = new Set(viewer.mechanisms);
  return new Set(catalogue.mechanisms.filter((m) => mine.has(m.id)).flatMap((m) => [...m.lead, ...m.contributing]));
}

/**
 * Whether the viewer may validate a (year, State) report whose answers concern `actions`: an admin,
 * or a member of a mechanism that leads or contributes to at least one of them.
 */
export function canValidate(viewer: Viewer | null | undefined, catalogue: Catalogue, actions: Iterable<number>): boolean {
  if (isAdmin(viewer)) return true;
  if (viewer?.role !== 'member') return false;
  const editable = editableActions(viewer, catalogue);
  for (const action of actions) if (editable.has(action)) return true;
  return false;
}
