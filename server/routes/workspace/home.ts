import { Router } from 'express';
import type { RouteContext } from '../../route-context';
import { takeFlash } from '../../middleware/flash';
import { workspaceHome } from '../../presenters/workspace-home';
import { defaultWorkYear, memberHome } from '../../presenters/member-home';
import { todayInGeneva } from '../../domain/geneva';
import { nextIntersessional } from '../../domain/meetings/store';
import { guidelinesIn } from '../../i18n/guidelines';
import { yearParam } from '../params';
import { t } from '../../i18n/translate';

export function homeRoutes({ db, data, privatePages }: RouteContext): Router {
  const router = Router();

  router.get('/', privatePages.keep, (req, res) => {
    const viewer = req.viewer!;
    const view = data('workspace');
    // A member opens on « Mon comité »: what their committees have to do in the year.
    let committee = null;
    if (viewer.role === 'member' && viewer.mechanisms.length > 0) {
      const today = todayInGeneva(new Date());
      committee = memberHome({
        view,
        viewer,
        year: yearParam(req.query.annee, defaultWorkYear(today), req.locale),
        today,
        nextMeeting: nextIntersessional(db, today),
        guidelines: guidelinesIn(req.locale),
        locale: req.locale,
      });
    }
    res.render('workspace/home', {
      title: t(req.locale, 'workspace.home.title'),
      flash: takeFlash(req),
      committee,
      ...workspaceHome(view, viewer, req.locale),
    });
  });

  return router;
}
