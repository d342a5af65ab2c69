import { Router } from 'express';
import type { RouteContext } from '../../app';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import { publishYear } from '../../domain/workspace/publication';
import { requireRole } from '../../middleware/viewer';
import { workspaceHome } from '../../presenters/workspace-home';
import { yearParam } from '../params';

export function homeRoutes({ db, data }: RouteContext): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const flash = typeof req.query.publiee === 'string' ? `L’année ${req.query.publiee} est publiée : le public la voit désormais.` : null;
    res.render('workspace/home', { title: 'Espace de travail', flash, ...workspaceHome(data('workspace'), req.viewer!) });
  });

  router.post('/annees/:year/publication', requireRole(isAdmin, 'de publier une année'), (req, res) => {
    const year = yearParam(req.params.year, 0);
    const result = publishYear(db, viewerActor(req.viewer!), year);
    if (result.ok) {
      res.redirect(303, `/espace?publiee=${year}`);
      return;
    }
    const view = data('workspace');
    res.status(409).render('workspace/home', {
      title: 'Espace de travail',
      errors: [{ message: result.message }],
      errorTitle: 'Publication refusée',
      refusedDrafts: result.drafts?.map((iso3) => ({ iso3, year, name: view.engine.index.stateByIso3.get(iso3)?.nameFr ?? iso3 })),
      ...workspaceHome(view, req.viewer!),
    });
  });

  return router;
}
