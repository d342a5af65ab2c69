import { Router, type NextFunction, type Request, type Response } from 'express';
import type { RouteContext } from '../../route-context';
import { formBody } from '../../form-body';
import { HttpError } from '../../http-error';
import { isLocale, DEFAULT_LOCALE, LOCALES } from '../../i18n/locale';
import { queryOf, redirectToLanguage } from '../../i18n/addresses';
import { t } from '../../i18n/translate';
import { rememberLanguage } from '../../domain/workspace/member-language';
import { safeReturnPath } from '../auth';

/**
 * The workspace answers a member in the language of their account: a page asked for in another
 * language is sent to the same page in theirs, and the header's switcher becomes a form that
 * changes the account's language (docs/i18n.md).
 */
export function workspaceLanguage(req: Request, res: Response, next: NextFunction): void {
  const chosen = req.viewer?.locale ?? DEFAULT_LOCALE;
  if ((req.method === 'GET' || req.method === 'HEAD') && chosen !== req.locale) {
    redirectToLanguage(res, chosen, req.unprefixedPath + queryOf(req));
    return;
  }
  res.locals.languageForm = { action: '/espace/langue', retour: req.unprefixedPath + queryOf(req) };
  next();
}

export function languageRoutes({ db }: RouteContext): Router {
  const router = Router();
  router.post('/langue', (req, res, next) => {
    const { locale, retour } = formBody(req);
    if (!isLocale(locale)) {
      next(
        new HttpError(
          400,
          t(req.locale, 'workspace.language.badTitle'),
          t(req.locale, 'workspace.language.bad', { languages: LOCALES.join(', ') }),
        ),
      );
      return;
    }
    rememberLanguage(db, req.viewer!.id, locale);
    redirectToLanguage(res, locale, safeReturnPath(retour));
  });
  return router;
}
