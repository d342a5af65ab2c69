import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../../route-context';
import { viewerActor } from '../../domain/actor';
import { isAdmin } from '../../domain/permissions';
import { releaseCandidate } from '../../domain/releases/publish';
import { publishFields, publishYear, type PublishRefusal } from '../../domain/workspace/publication';
import { yearProgress } from '../../domain/workspace/year-progress';
import { errorFor } from '../../domain/workspace/form';
import { requireRole } from '../../middleware/viewer';
import { redirectWithFlash } from '../../middleware/flash';
import { lowCoverageNote, publicationPreview, publishedMessage, publishProblemMessage } from '../../presenters/publication-preview';
import { t } from '../../i18n/translate';
import { stateName } from '../../domain/state-names';
import { yearParam } from '../params';
import { formBody } from '../../form-body';

/** HTTP status of each refusal: the request itself was wrong, or the data moved under it. */
const REFUSAL_STATUS: Record<PublishRefusal, number> = {
  invalid: 400,
  unconfirmed: 400,
  reason: 400,
  drafts: 409,
  nothing: 409,
  stale: 409,
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Publishing a year (docs/method.md#publishing): a preview of what the public will see change and
 * of the year's completeness, then a confirmation carrying the fingerprint of the data previewed.
 */
export function publicationRoutes({ db, data, config }: RouteContext): Router {
  const router = Router();
  const adminOnly = requireRole(isAdmin, 'workspace.denied.publish');

  function renderPreview(
    req: Request,
    res: Response,
    year: number,
    status: number,
    options: { errors?: { field?: string; message: string }[]; typed?: { note: string; reason: string } } = {},
  ) {
    const view = data('workspace');
    const preview = publicationPreview({
      catalogue: view.catalogue,
      publicView: data('public'),
      candidate: releaseCandidate(db, year),
      progress: yearProgress(view.catalogue, view.engine, view.review, view.drafts.get(year)?.size ?? 0, year),
      drafts: [...(view.drafts.get(year) ?? [])].sort().map((iso3) => {
        const state = view.engine.state(iso3);
        return { iso3, name: state ? stateName(state, req.locale).name : iso3 };
      }),
      minCoverage: config.publicationMinCoverage,
      typed: options.typed,
      locale: req.locale,
    });
    res.status(status).render('workspace/publication-preview', {
      ...preview,
      errors: options.errors,
      errorTitle: options.errors?.length ? t(req.locale, 'publication.nothingPublished') : undefined,
      reasonError: errorFor(options.errors, publishFields.reason),
    });
  }

  router.get('/annees/:year/publication', adminOnly, (req: Request, res: Response) => {
    renderPreview(req, res, yearParam(req.params.year, 0, req.locale), 200);
  });

  router.post('/annees/:year/publication', adminOnly, (req: Request, res: Response) => {
    const year = yearParam(req.params.year, 0, req.locale);
    const body = formBody(req);
    const typed = { note: text(body[publishFields.note]), reason: text(body[publishFields.reason]) };
    const result = publishYear(db, viewerActor(req.viewer!), year, {
      ...typed,
      fingerprint: text(body[publishFields.fingerprint]) || null,
      minCoverage: config.publicationMinCoverage,
      lowCoverageNote,
    });
    if (result.ok) {
      redirectWithFlash(req, res, '/espace', publishedMessage(year, result.outcome.revision, req.locale));
      return;
    }
    const field = result.kind === 'reason' ? publishFields.reason : result.kind === 'invalid' ? publishFields.note : undefined;
    renderPreview(req, res, year, REFUSAL_STATUS[result.kind], {
      errors: [{ field, message: publishProblemMessage(result.problem, req.locale) }],
      typed,
    });
  });

  return router;
}
