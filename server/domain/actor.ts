import type { Actor } from '../../db/queries/audit';
import type { Viewer } from './permissions';

/** The signed-in user as the audit trail records them. */
export const viewerActor = (viewer: Viewer, origin: 'web' | 'upload' | 'demo-upload' = 'web'): Actor => ({
  userId: viewer.id,
  label: viewer.email,
  origin,
});
