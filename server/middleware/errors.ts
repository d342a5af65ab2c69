import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../http-error';

/**
 * Errors raised by libraries (csrf-sync, body-parser, multer), turned into French HTTP errors so
 * that the user reads what happened and what to do.
 */
export function libraryErrorToHttp(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
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
  next(err);
}
