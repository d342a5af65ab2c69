import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import type { RouteContext } from '../../route-context';
import { canWrite } from '../../domain/permissions';
import { previewPageModel, uploadPageModel } from '../../presenters/upload-page';
import { cancelUpload, checkUploadedFiles, UPLOAD_LIMITS, type UploadPreview } from '../../domain/workspace/upload';
import { HttpError } from '../../http-error';
import { csrfCheckAfterParsing } from '../../middleware/csrf';
import { requireRole } from '../../middleware/viewer';
import { changedBy } from '../../presenters/form-messages';
import { uploadRunner } from '../../upload-worker/runner';
import { formBody } from '../../form-body';
import type { Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';

const TITLE = 'upload.title';
const PREVIEW_TITLE = 'upload.preview.title';

/** Files in memory, within the limits; multer's errors become French ones in middleware/errors.ts. */
const parseFiles = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: UPLOAD_LIMITS.fileBytes,
    files: UPLOAD_LIMITS.files,
    fields: 5,
    fieldSize: 10_000,
    parts: UPLOAD_LIMITS.files + 5,
  },
  // Browsers send file names in UTF-8 without saying so: « réponses.csv » stays readable.
  defParamCharset: 'utf8',
}).array('fichiers');

function parseUpload(req: Request, res: Response, next: NextFunction): void {
  parseFiles(req, res, (err?: unknown) => {
    if (err && !(err instanceof multer.MulterError)) {
      // busboy's own errors: a body cut short or not multipart after all.
      next(new HttpError(400, t(req.locale, 'upload.errors.unreadableTitle'), t(req.locale, 'upload.errors.unreadable')));
      return;
    }
    next(err);
  });
}

const notFound = (locale: Locale) => new HttpError(404, t(locale, 'upload.errors.notFoundTitle'), t(locale, 'upload.errors.notFound'));
const notYours = (locale: Locale) => new HttpError(403, t(locale, 'upload.errors.notYoursTitle'), t(locale, 'upload.errors.notYours'));

/** 200 when the upload can be confirmed, 422 when the files hold errors, 403 when the viewer may not make a change. */
const previewStatus = (preview: UploadPreview) => (preview.totalErrors > 0 ? 422 : preview.refusals.length > 0 ? 403 : 200);

const pendingId = (raw: string | string[] | undefined, locale: Locale): string => {
  const id = typeof raw === 'string' ? raw : '';
  if (!/^[0-9a-f]{32}$/.test(id)) throw notFound(locale);
  return id;
};

/**
 * Upload in the browser (issue 5, point 6): the CSV files of docs/architecture.md#the-exchange-format
 * or one XLSX workbook, a preview of what will change, then confirmation by the uploader. Admins and
 * members only.
 */
export function uploadRoutes({ db, data }: RouteContext): Router {
  const router = Router();
  const uploads = uploadRunner(db);
  const mayUpload = requireRole(canWrite, 'workspace.denied.upload');

  router.get('/import', (req, res) => {
    const flash = req.query.annule !== undefined ? t(req.locale, 'upload.canceled') : null;
    res.render('workspace/upload', {
      title: t(req.locale, TITLE),
      flash,
      ...uploadPageModel(req.viewer!, data('workspace').catalogue, req.locale),
    });
  });

  router.post('/import', mayUpload, parseUpload, csrfCheckAfterParsing, async (req, res) => {
    const viewer = req.viewer!;
    const catalogue = data('workspace').catalogue;
    const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ name: f.originalname, content: f.buffer }));
    const problems = checkUploadedFiles(files, req.locale);
    if (problems.length > 0) {
      res.status(400).render('workspace/upload', {
        title: t(req.locale, TITLE),
        errors: problems.map((message) => ({ field: 'fichiers', message })),
        fileErrors: problems,
        ...uploadPageModel(viewer, catalogue, req.locale),
      });
      return;
    }
    const { preview, id } = await uploads.preview(viewer, catalogue, files);
    res.status(previewStatus(preview)).render('workspace/upload-preview', {
      title: t(req.locale, PREVIEW_TITLE),
      id,
      ...previewPageModel(preview, data('workspace'), req.locale),
    });
  });

  router.post('/import/:id/confirmation', mayUpload, async (req, res) => {
    const id = pendingId(req.params.id, req.locale);
    const { motif } = formBody(req);
    const reason = typeof motif === 'string' ? motif : '';
    const outcome = await uploads.confirm(req.viewer!, data('workspace').catalogue, id, reason);
    switch (outcome.kind) {
      case 'missing':
        throw notFound(req.locale);
      case 'not-yours':
        throw notYours(req.locale);
      case 'done':
        res.render('workspace/upload-result', { title: t(req.locale, 'upload.result.title'), ...outcome });
        return;
      case 'stale': {
        const who = outcome.changedBy ? ` (${changedBy(outcome.changedBy, req.locale)})` : '';
        res.status(409).render('workspace/upload-preview', {
          title: t(req.locale, PREVIEW_TITLE),
          id: outcome.id,
          reason,
          staleMessage: t(req.locale, outcome.id ? 'upload.staleConfirm' : 'upload.stale', { who }),
          ...previewPageModel(outcome.preview, data('workspace'), req.locale),
        });
        return;
      }
      case 'refused': {
        const status = outcome.reasonError ? 422 : previewStatus(outcome.preview) === 200 ? 409 : previewStatus(outcome.preview);
        res.status(status).render('workspace/upload-preview', {
          title: t(req.locale, PREVIEW_TITLE),
          id: outcome.id,
          reason,
          reasonError: outcome.reasonError,
          errors: outcome.reasonError ? [{ field: 'motif', message: outcome.reasonError }] : [],
          ...previewPageModel(outcome.preview, data('workspace'), req.locale),
        });
        return;
      }
    }
  });

  router.post('/import/:id/annulation', mayUpload, (req, res) => {
    const result = cancelUpload(db, req.viewer!, pendingId(req.params.id, req.locale));
    if (result === 'missing') throw notFound(req.locale);
    if (result === 'not-yours') throw notYours(req.locale);
    res.redirect(303, '/espace/import?annule=1');
  });

  return router;
}
