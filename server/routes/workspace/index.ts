import { Router } from 'express';
import type { RouteContext } from '../../route-context';
import { requireViewer } from '../../middleware/viewer';
import { briefingCardsRoutes } from './briefing-cards';
import { coordinationPackRoutes } from './coordination-pack';
import { entryRoutes } from './entry';
import { figuresRoutes } from './figures';
import { homeRoutes } from './home';
import { languageRoutes, workspaceLanguage } from './language';
import { journalRoutes } from './journal';
import { meetingGroupRoutes } from './meeting-groups';
import { meetingKit } from './meeting-kit';
import { meetingsRoutes } from './meetings';
import { publicationRoutes } from './publication';
import { yearsRoutes } from './years';
import { registryRoutes } from './registry';
import { uploadRoutes } from './upload';

/** The workspace (/espace): signed-in users only; nothing here is cached. */
export function workspaceRouter(context: RouteContext): Router {
  const router = Router();
  router.use(requireViewer);
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'private, no-store');
    next();
  });
  router.use(workspaceLanguage);
  router.use(languageRoutes(context));
  router.use(homeRoutes(context));
  router.use(publicationRoutes(context));
  router.use(yearsRoutes(context));
  router.use(entryRoutes(context));
  router.use(figuresRoutes(context));
  router.use(registryRoutes(context));
  router.use(journalRoutes(context));
  router.use(uploadRoutes(context));
  const meetings = meetingKit(context);
  router.use(meetingsRoutes(context, meetings));
  router.use(meetingGroupRoutes(context, meetings));
  router.use(briefingCardsRoutes(context));
  router.use(coordinationPackRoutes(context));
  return router;
}
