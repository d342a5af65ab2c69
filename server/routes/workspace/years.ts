import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../../route-context';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import { canCarryForward, carryForward, readCarryForwardPlan } from '../../domain/workspace/carry-forward';
import { yearProgress } from '../../domain/workspace/year-progress';
import { HttpError } from '../../http-error';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash, takeFlash } from '../../middleware/flash';
import { carryFieldName, carryForwardProblemMessage, carryForwardView, populationNamesIn } from '../../presenters/carry-forward-view';
import { yearChecklist } from '../../presenters/year-checklist';
import { yearParam } from '../params';
import { formBody } from '../../form-body';
import { t } from '../../i18n/translate';

/** A year's checklist (/espace/annees/Y) and carrying its populations forward from the year before. */
export function yearsRoutes({ db, data }: RouteContext): Router {
  const router = Router();
  const adminOnly = requireRole(isAdmin, 'workspace.denied.carryForward');

  router.get('/annees/:year', (req, res) => {
    const year = yearParam(req.params.year, 0, req.locale);
    const view = data('workspace');
    const progress = yearProgress(view.catalogue, view.engine, view.review, view.drafts.get(year)?.size ?? 0, year);
    res.render('workspace/year', {
      title: t(req.locale, 'workspace.year.title', { year }),
      ...yearChecklist(view, req.viewer!, progress, { flash: takeFlash(req) }, req.locale),
    });
  });

  function carryYear(req: Request): number {
    const year = yearParam(req.params.year, 0, req.locale);
    if (!canCarryForward(year)) {
      throw new HttpError(
        404,
        t(req.locale, 'workspace.carryForward.noPreviousTitle'),
        t(req.locale, 'workspace.carryForward.noPrevious', { year }),
      );
    }
    return year;
  }

  function renderPlan(req: Request, res: Response, year: number, status: number, options: { chosen?: Set<string>; error?: string } = {}) {
    const view = data('workspace');
    const plan = readCarryForwardPlan(db, view.catalogue, year);
    res.status(status).render('workspace/carry-forward', {
      title: t(req.locale, 'workspace.carryForward.title', { from: year - 1, year }),
      errors: options.error ? [{ message: options.error }] : undefined,
      ...carryForwardView(view, plan, options.chosen ?? null, req.locale),
    });
  }

  router.get('/annees/:year/populations', adminOnly, (req, res) => {
    renderPlan(req, res, carryYear(req), 200);
  });

  router.post('/annees/:year/populations', adminOnly, (req, res) => {
    const year = carryYear(req);
    const view = data('workspace');
    const body = formBody(req);
    const keys = view.catalogue.populations.map((p) => p.key).filter((key) => body[carryFieldName(key)] === '1');
    const fingerprint = typeof body.fingerprint === 'string' ? body.fingerprint : null;
    const result = carryForward(db, viewerActor(req.viewer!), view.catalogue, year, { keys, fingerprint });
    if (result.ok) {
      redirectWithFlash(
        req,
        res,
        `/espace/annees/${year}`,
        t(req.locale, 'workspace.carryForward.done', {
          count: result.copied,
          from: year - 1,
          populations: result.keys.map(populationNamesIn(view.catalogue, req.locale)).join(t(req.locale, 'common.listSeparator')),
        }),
      );
      return;
    }
    renderPlan(req, res, year, result.kind === 'stale' ? 409 : 400, {
      chosen: new Set(keys),
      error: carryForwardProblemMessage(result.problem, view.catalogue, req.locale),
    });
  });

  return router;
}
