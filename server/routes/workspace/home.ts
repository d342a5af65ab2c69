import { Router } from 'express';
import type { RouteContext } from '../../app';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import { publishYear } from '../../domain/workspace/publication';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash, takeFlash } from '../../middleware/flash';
import { workspaceHome } from '../../presenters/workspace-home';
import { yearParam } from '../params';

export function homeRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/', privatePages.keep, (req, res) => {
    res.render('workspace/home', { title: 'Espace de travail', flash: takeFlash(req), ...workspaceHome(data('workspace'), req.viewer!) });
  });

  router.post('/annees/:year/publication', requireRole(isAdmin, 'de publier une année'), (req, res) => {
    const year = yearParam(req.params.year, 0);
    const note = typeof req.body?.note === 'string' ? req.body.note : '';
    const result = publishYear(db, viewerActor(req.viewer!), year, { note });
    if (result.ok) {
      redirectWithFlash(req, res, '/espace', publishedMessage(year, result.outcome.revision));
      return;
    }
    const view = data('workspace');
    res.status(409).render('workspace/home', {
      title: 'Espace de travail',
      errors: [{ message: result.message }],
      errorTitle: 'Publication refusée',
      refusedDrafts: result.drafts?.map((iso3) => ({ iso3, year, name: view.engine.stateName(iso3) })),
      note,
      noteYear: year,
      ...workspaceHome(view, req.viewer!),
    });
  });

  return router;
}

function publishedMessage(year: number, revision: number | null): string {
  return revision === 1 || revision === null
    ? `L’année ${year} est publiée : le public la voit désormais.`
    : `La révision ${revision} de l’année ${year} est publiée : le public la voit désormais.`;
}
