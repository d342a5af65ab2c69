import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { isDatabaseBusy } from '../../db/client';
import { formatMegabytes, UPLOAD_LIMITS } from '../domain/workspace/upload';
import { HttpError } from '../http-error';

/**
 * Errors raised by libraries (csrf-sync, body-parser, multer, better-sqlite3), turned into French HTTP errors so
 * that the user reads what happened and what to do.
 */
export function libraryErrorToHttp(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as { code?: string; type?: string; field?: string } | null;
  if (e?.code === 'EBADCSRFTOKEN') {
    next(
      new HttpError(
        403,
        'Formulaire expiré',
        'Ce formulaire a expiré ou ne provient pas de ce site : rien n’a été enregistré. Rechargez la page, puis recommencez.',
      ),
    );
    return;
  }
  if (e?.type === 'entity.too.large' || e?.type === 'parameters.too.many') {
    next(new HttpError(413, 'Formulaire trop volumineux', 'Le formulaire envoyé est trop volumineux : rien n’a été enregistré.'));
    return;
  }
  if (err instanceof multer.MulterError) {
    next(multerErrorToHttp(err));
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
    next(
      new HttpError(
        503,
        'Base de données occupée',
        'Une autre opération (un import, par exemple) occupe la base de données : rien n’a été enregistré. Revenez en arrière et réessayez dans un instant.',
      ),
    );
    return;
  }
  next(err);
}

/** multer's limits (upload of files in the browser, /espace/import), in French: nothing was imported. */
function multerErrorToHttp(err: multer.MulterError): HttpError {
  const nothing = 'rien n’a été importé';
  const file = (err as { filename?: string }).filename;
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new HttpError(
        413,
        'Fichier trop volumineux',
        `Le fichier${file ? ` « ${file} »` : ''} dépasse la limite de ${formatMegabytes(UPLOAD_LIMITS.fileBytes)} par fichier : ${nothing}. ` +
          'Découpez-le en plusieurs fichiers (par exemple une année par fichier), puis envoyez-les à nouveau.',
      );
    case 'LIMIT_FILE_COUNT':
      return new HttpError(
        413,
        'Trop de fichiers',
        `Au plus ${UPLOAD_LIMITS.files} fichiers par envoi : ${nothing}. Envoyez-les en plusieurs fois, ou réunissez-les dans un classeur XLSX.`,
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return new HttpError(
        400,
        'Envoi incorrect',
        `Le champ de fichier « ${err.field ?? ''} » n’est pas celui du formulaire d’import : ${nothing}. Utilisez le formulaire de la page « Importer des fichiers ».`,
      );
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
      return new HttpError(413, 'Formulaire trop volumineux', `Le formulaire envoyé dépasse les limites de l’import : ${nothing}.`);
    default:
      return new HttpError(
        400,
        'Envoi illisible',
        `L’envoi des fichiers n’a pas pu être lu : ${nothing}. Rechargez la page, puis recommencez.`,
      );
  }
}
