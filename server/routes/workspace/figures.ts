import { Router } from 'express';
import type { RouteContext } from '../../route-context';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import { checkFigures, readFiguresState, readFiguresSubmission, saveFigures } from '../../domain/workspace/figures-entry';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash, takeFlash } from '../../middleware/flash';
import { savedMessage } from '../../presenters/form-messages';
import { figuresForm } from '../../presenters/figures-form';
import { yearParam } from '../params';
import { retryWhileBusy } from '../../../db/client';
import { formBody } from '../../form-body';
import { localizeCatalogue } from '../../domain/catalogue-i18n';

/** The figures and ratios of a year (5.3, 5.4, 11.2, 12.2): everyone signed in reads them, admins edit them. */
export function figuresRoutes({ db, data, config }: RouteContext): Router {
  const router = Router();

  router.get('/chiffres/:year', (req, res) => {
    const year = yearParam(req.params.year, 0, req.locale);
    const state = readFiguresState(db, localizeCatalogue(data('workspace').catalogue, req.locale), year);
    res.render('workspace/figures', figuresForm(state, { canEdit: isAdmin(req.viewer), flash: takeFlash(req) }, req.locale));
  });

  router.post('/chiffres/:year', requireRole(isAdmin, 'workspace.denied.figures'), async (req, res) => {
    const year = yearParam(req.params.year, 0, req.locale);
    // The indicators' texts in the member's language; codes and kinds are the same in every language.
    const catalogue = localizeCatalogue(data('workspace').catalogue, req.locale);
    const state = readFiguresState(db, catalogue, year);
    const submission = readFiguresSubmission(formBody(req), state.indicators);
    const check = checkFigures(state, submission, req.locale);
    if (!check.ok) {
      res.status(400).render('workspace/figures', figuresForm(state, { canEdit: true, submission, errors: check.errors }, req.locale));
      return;
    }
    const result = await retryWhileBusy(
      () => saveFigures(db, viewerActor(req.viewer!), year, submission.version, check.wanted, submission.reason),
      (r) => r.kind === 'busy',
      config.databaseBusyTimeoutMs,
    );
    if (result.kind === 'busy') {
      res.set('Retry-After', '5');
      res.status(503).render('workspace/figures', figuresForm(state, { canEdit: true, submission, busy: true }, req.locale));
      return;
    }
    if (result.kind === 'conflict') {
      const now = readFiguresState(db, catalogue, year);
      res.status(409).render('workspace/figures', figuresForm(now, { canEdit: true, submission, conflict: result.entry }, req.locale));
      return;
    }
    redirectWithFlash(req, res, `/espace/chiffres/${year}`, savedMessage(result.changes, req.locale));
  });

  return router;
}
