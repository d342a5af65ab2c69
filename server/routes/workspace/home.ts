import { Router } from 'express';
import type { RouteContext } from '../../app';
import { takeFlash } from '../../middleware/flash';
import { workspaceHome } from '../../presenters/workspace-home';

export function homeRoutes({ data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/', privatePages.keep, (req, res) => {
    res.render('workspace/home', { title: 'Espace de travail', flash: takeFlash(req), ...workspaceHome(data('workspace'), req.viewer!) });
  });

  return router;
}
