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

const TITLE = 'Importer des fichiers';
const PREVIEW_TITLE = 'Aperçu de l’import';

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
      next(
        new HttpError(
          400,
          'Envoi illisible',
          'L’envoi des fichiers n’a pas pu être lu : rien n’a été importé. Rechargez la page, puis recommencez.',
        ),
      );
      return;
    }
    next(err);
  });
}

const notFound = () =>
  new HttpError(
    404,
    'Import introuvable',
    'Cet import n’existe pas ou a expiré (un aperçu peut être confirmé pendant une heure) : rien n’a été enregistré. Envoyez à nouveau vos fichiers.',
  );
const notYours = () =>
  new HttpError(403, 'Accès refusé', 'Cet import a été préparé par un autre utilisateur : seul son auteur peut le confirmer ou l’annuler.');

/** 200 when the upload can be confirmed, 422 when the files hold errors, 403 when the viewer may not make a change. */
const previewStatus = (preview: UploadPreview) => (preview.totalErrors > 0 ? 422 : preview.refusals.length > 0 ? 403 : 200);

const pendingId = (raw: string | string[] | undefined): string => {
  const id = typeof raw === 'string' ? raw : '';
  if (!/^[0-9a-f]{32}$/.test(id)) throw notFound();
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
    const flash = req.query.annule !== undefined ? 'Import annulé : rien n’a été enregistré.' : null;
    res.render('workspace/upload', { title: TITLE, flash, ...uploadPageModel(req.viewer!, data('workspace').catalogue) });
  });

  router.post('/import', mayUpload, parseUpload, csrfCheckAfterParsing, async (req, res) => {
    const viewer = req.viewer!;
    const catalogue = data('workspace').catalogue;
    const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ name: f.originalname, content: f.buffer }));
    const problems = checkUploadedFiles(files);
    if (problems.length > 0) {
      res.status(400).render('workspace/upload', {
        title: TITLE,
        errors: problems.map((message) => ({ field: 'fichiers', message })),
        fileErrors: problems,
        ...uploadPageModel(viewer, catalogue),
      });
      return;
    }
    const { preview, id } = await uploads.preview(viewer, catalogue, files);
    res
      .status(previewStatus(preview))
      .render('workspace/upload-preview', { title: PREVIEW_TITLE, id, ...previewPageModel(preview, data('workspace')) });
  });

  router.post('/import/:id/confirmation', mayUpload, async (req, res) => {
    const id = pendingId(req.params.id);
    const { motif } = formBody(req);
    const reason = typeof motif === 'string' ? motif : '';
    const outcome = await uploads.confirm(req.viewer!, data('workspace').catalogue, id, reason);
    switch (outcome.kind) {
      case 'missing':
        throw notFound();
      case 'not-yours':
        throw notYours();
      case 'done':
        res.render('workspace/upload-result', { title: 'Import effectué', ...outcome });
        return;
      case 'stale': {
        const who = outcome.changedBy ? ` (${changedBy(outcome.changedBy)})` : '';
        res.status(409).render('workspace/upload-preview', {
          title: PREVIEW_TITLE,
          id: outcome.id,
          reason,
          staleMessage: `Les données ont changé depuis votre aperçu${who} : rien n’a été importé. Voici l’aperçu à jour ; vérifiez-le${outcome.id ? ', puis confirmez à nouveau' : ''}.`,
          ...previewPageModel(outcome.preview, data('workspace')),
        });
        return;
      }
      case 'refused': {
        const status = outcome.reasonError ? 422 : previewStatus(outcome.preview) === 200 ? 409 : previewStatus(outcome.preview);
        res.status(status).render('workspace/upload-preview', {
          title: PREVIEW_TITLE,
          id: outcome.id,
          reason,
          reasonError: outcome.reasonError,
          errors: outcome.reasonError ? [{ field: 'motif', message: outcome.reasonError }] : [],
          ...previewPageModel(outcome.preview, data('workspace')),
        });
        return;
      }
    }
  });

  router.post('/import/:id/annulation', mayUpload, (req, res) => {
    const result = cancelUpload(db, req.viewer!, pendingId(req.params.id));
    if (result === 'missing') throw notFound();
    if (result === 'not-yours') throw notYours();
    res.redirect(303, '/espace/import?annule=1');
  });

  return router;
}
