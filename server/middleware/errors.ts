import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { isDatabaseBusy } from '../../db/client';
import { formatMegabytes, UPLOAD_LIMITS } from '../domain/workspace/upload';
import { HttpError } from '../http-error';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * Errors raised by libraries (csrf-sync, body-parser, multer, better-sqlite3), turned into HTTP errors
 * in the request's language (docs/i18n.md) so that the user reads what happened and what to do.
 */
export function libraryErrorToHttp(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as { code?: string; type?: string; field?: string } | null;
  const locale = req.locale ?? DEFAULT_LOCALE;
  if (e?.code === 'EBADCSRFTOKEN') {
    next(new HttpError(403, t(locale, 'errors.csrfTitle'), t(locale, 'errors.csrf')));
    return;
  }
  if (e?.type === 'entity.too.large' || e?.type === 'parameters.too.many') {
    next(new HttpError(413, t(locale, 'errors.formTooLargeTitle'), t(locale, 'errors.formTooLarge')));
    return;
  }
  if (err instanceof multer.MulterError) {
    next(multerErrorToHttp(err, locale));
    return;
  }
  // Forms that keep what was typed handle this themselves (the report entry); elsewhere, at least say
  // what happened: another process (an import) held the write lock past DATABASE_BUSY_TIMEOUT_MS.
  if (isDatabaseBusy(err)) {
    if (res.headersSent) {
      // express-session saves a changed session after the page is sent: the page stands, only the
      // session change (a new form token) is lost; answering again would fail (ERR_HTTP_HEADERS_SENT).
      req.log.warn(`Session non enregistrée (base de données occupée) pour ${req.method} ${req.path}.`);
      return;
    }
    next(new HttpError(503, t(locale, 'errors.busyTitle'), t(locale, 'errors.busy')));
    return;
  }
  next(err);
}

/** « 5 Mo » as the upload page says it in French; “5 MB” in the other languages. */
const megabytes = (bytes: number, locale: Locale) =>
  locale === 'fr' ? formatMegabytes(bytes) : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** multer's limits (upload of files in the browser, /espace/import), in the reader's language: nothing was imported. */
function multerErrorToHttp(err: multer.MulterError, locale: Locale): HttpError {
  const file = (err as { filename?: string }).filename;
  switch (err.code) {
    case 'LIMIT_FILE_SIZE': {
      const limit = megabytes(UPLOAD_LIMITS.fileBytes, locale);
      return new HttpError(
        413,
        t(locale, 'errors.fileTooLargeTitle'),
        file ? t(locale, 'errors.namedFileTooLarge', { file, limit }) : t(locale, 'errors.fileTooLarge', { limit }),
      );
    }
    case 'LIMIT_FILE_COUNT':
      return new HttpError(413, t(locale, 'errors.tooManyFilesTitle'), t(locale, 'errors.tooManyFiles', { max: UPLOAD_LIMITS.files }));
    case 'LIMIT_UNEXPECTED_FILE':
      return new HttpError(400, t(locale, 'errors.unexpectedFileTitle'), t(locale, 'errors.unexpectedFile', { field: err.field ?? '' }));
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
      return new HttpError(413, t(locale, 'errors.formTooLargeTitle'), t(locale, 'errors.uploadTooLarge'));
    default:
      return new HttpError(400, t(locale, 'errors.unreadableUploadTitle'), t(locale, 'errors.unreadableUpload'));
  }
}
