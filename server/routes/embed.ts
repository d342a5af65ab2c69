import { Router, type NextFunction, type Request, type Response } from 'express';
import type { RouteContext } from '../route-context';
import { HttpError } from '../http-error';
import { indicatorDetail } from '../presenters/indicator-detail';
import { actionHeader } from '../presenters/progress-view';
import { actionCard, cardSvg, indicatorCard, transparencyCard, type CardContent } from '../presenters/share';
import { transparencyPage } from '../presenters/transparency-page';
import { renderPng } from '../share-image';
import { pageYear } from './page-year';
import { t } from '../i18n/translate';
import { localizedView, showsUnofficialTranslation, type LocalizedView } from '../presenters/localized-view';
import { langParam } from './params';
import type { Locale } from '../i18n/locale';

/** `what` is one of the `notFound.…` keys, as for the pages (server/routes/pages.ts). */
const notFound = (req: Request, what: string, value: string) =>
  new HttpError(404, t(req.locale, 'error.notFoundTitle'), t(req.locale, what, { value }));

const YEAR = { query: ['year'] } as const;

/**
 * Embeds (/embed/…: pages any site may frame, server/security.ts) and the share cards' images
 * (/partage/…/carte.png). Both show what is published, whoever asks: another site's page has no
 * business showing a signed-in user's drafts.
 */
export function embedRouter({ data, cache }: RouteContext): Router {
  const router = Router();
  const published = () => data('public');
  /** The published view in the request's language, and what every embed's layout reads of it. */
  const embedLocals = (req: Request) => {
    const view = localizedView(published(), req.locale);
    return { view, frame: { layout: 'embed', demo: view.demo, unofficialTranslation: showsUnofficialTranslation(view) } };
  };

  router.get('/embed/indicators/:code', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'embed/indicator',
      () => {
        const { view, frame } = embedLocals(req);
        const page = pageYear(req, view);
        const indicator = view.catalogue.indicatorByCode.get(req.params.code);
        if (!indicator) throw notFound(req, 'notFound.indicator', req.params.code);
        return {
          ...frame,
          page,
          charts: true,
          title: t(req.locale, 'common.indicatorNumber', { code: indicator.code }),
          href: `/indicators/${indicator.code}`,
          ...indicatorDetail(view, indicator, page.year, req.locale),
        };
      },
      YEAR,
    ),
  );

  router.get('/embed/actions/:n', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'embed/action',
      () => {
        const { view, frame } = embedLocals(req);
        const page = pageYear(req, view);
        const action = view.catalogue.actions.find((a) => String(a.number) === req.params.n);
        if (!action) throw notFound(req, 'notFound.action', req.params.n);
        return {
          ...frame,
          page,
          charts: true,
          title: t(req.locale, 'common.actionNumber', { number: action.number }),
          href: `/actions/${action.number}`,
          action: actionHeader(view, action),
          indicators: action.indicators.map((i) => indicatorDetail(view, i, page.year, req.locale)),
        };
      },
      YEAR,
    ),
  );

  router.get('/embed/transparence', (req, res, next) =>
    cache.page(req, res, next, 'embed/transparency', () => {
      const { view, frame } = embedLocals(req);
      const page = transparencyPage(view, req.locale);
      return {
        ...frame,
        title: t(req.locale, 'transparency.title'),
        href: '/transparence',
        progressCharts: page.bySection !== null,
        ...page,
      };
    }),
  );

  /**
   * A card in the language of `?lang=` (the page that shares it says which, presenters/share.ts), kept
   * per language; a bad `lang` is a 400, as in the API.
   */
  const card = (req: Request, res: Response, next: NextFunction, content: (view: LocalizedView, locale: Locale) => CardContent) => {
    const locale = langParam(req.query.lang, req.locale);
    req.locale = locale;
    void cache.fileAsync(req, res, next, {
      type: 'image/png',
      compressed: true,
      query: ['lang'],
      build: () => renderPng(cardSvg(content(localizedView(published(), locale), locale))),
    });
  };

  router.get('/partage/indicators/:code/carte.png', (req, res, next) =>
    card(req, res, next, (view, locale) => {
      const indicator = view.catalogue.indicatorByCode.get(req.params.code);
      if (!indicator) throw notFound(req, 'notFound.indicator', req.params.code);
      return indicatorCard(view, indicator, locale);
    }),
  );

  router.get('/partage/actions/:n/carte.png', (req, res, next) =>
    card(req, res, next, (view, locale) => {
      const action = view.catalogue.actions.find((a) => String(a.number) === req.params.n);
      if (!action) throw notFound(req, 'notFound.action', req.params.n);
      return actionCard(view, action, locale);
    }),
  );

  router.get('/partage/transparence/carte.png', (req, res, next) => card(req, res, next, (view, locale) => transparencyCard(view, locale)));

  return router;
}
