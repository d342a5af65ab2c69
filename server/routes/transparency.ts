import { Router } from 'express';
import type { RouteContext } from '../route-context';
import { methodologyPage } from '../presenters/methodology-page';
import { transparencyPage } from '../presenters/transparency-page';
import { reportsMap } from '../presenters/report-map';
import { headlineTiles } from '../presenters/headline-tiles';
import { cardPaths, embedCode, embedPaths, shareView } from '../presenters/share';
import { t } from '../i18n/translate';
import { localePath } from '../i18n/addresses';
import { localizedView } from '../presenters/localized-view';

/**
 * The public entry page and the method. Both read the public view whoever asks: they describe what
 * is published, so a signed-in user sees them as a visitor does (and is told so).
 */
export function transparencyRouter({ data, cache, config, staticSite }: RouteContext): Router {
  const router = Router();

  router.get('/transparence', (req, res, next) =>
    cache.page(req, res, next, 'transparency', () => {
      const view = localizedView(data('public'), req.locale);
      const page = transparencyPage(view, req.locale);
      const headline =
        page.year === null
          ? null
          : headlineTiles(
              view,
              page.year,
              view.catalogue.actions.flatMap((a) => a.indicators),
              { yearParam: `year=${page.year}`, progressHref: '#progres-sections' },
              req.locale,
            );
      return {
        headline,
        title: t(req.locale, 'transparency.pageTitle'),
        progressCharts: page.bySection !== null || page.byCommittee !== null,
        publicViewNote: Boolean(req.viewer),
        ...page,
        map:
          page.year !== null && page.reportsByTimeliness ? reportsMap(view, page.year, page.reportsByTimeliness, true, req.locale) : null,
        // « Intégrer » and the share card: not in a static copy, which serves neither embeds nor cards.
        ...(staticSite
          ? {}
          : {
              embed: embedCode(
                config.publicUrl,
                localePath(req.locale, embedPaths.transparency),
                t(req.locale, 'transparency.title'),
                t(req.locale, 'embedCode.whatTransparency'),
                900,
              ),
              share: shareView(
                config.publicUrl,
                localePath(req.locale, '/transparence'),
                cardPaths.transparency(req.locale),
                t(req.locale, 'transparency.shareTitle'),
                t(req.locale, 'transparency.shareDescription'),
                req.locale,
              ),
            }),
      };
    }),
  );

  router.get('/methodologie', (req, res, next) =>
    cache.page(req, res, next, 'methodology', () => ({
      title: t(req.locale, 'methodology.title'),
      publicViewNote: Boolean(req.viewer),
      ...methodologyPage(localizedView(data('public'), req.locale), req.locale),
    })),
  );

  return router;
}
