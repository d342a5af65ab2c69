import { Router } from 'express';
import type { RouteContext } from '../route-context';
import { methodologyPage } from '../presenters/methodology-page';
import { transparencyPage } from '../presenters/transparency-page';
import { reportsMap } from '../presenters/report-map';
import { cardPaths, embedCode, embedPaths, shareView } from '../presenters/share';

/**
 * The public entry page and the method. Both read the public view whoever asks: they describe what
 * is published, so a signed-in user sees them as a visitor does (and is told so).
 */
export function transparencyRouter({ data, cache, config, staticSite }: RouteContext): Router {
  const router = Router();

  router.get('/transparence', (req, res, next) =>
    cache.page(req, res, next, 'transparency', () => {
      const view = data('public');
      const page = transparencyPage(view);
      return {
        title: 'Transparence : où en est le Plan d’action ?',
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
                embedPaths.transparency,
                'Où en est le Plan d’action ?',
                'les chiffres clés et le progrès par section',
                900,
              ),
              share: shareView(
                config.publicUrl,
                '/transparence',
                cardPaths.transparency,
                'Où en est le Plan d’action de Siem Reap-Angkor ?',
                'Les actions, les indicateurs et les rapports des États parties à la Convention sur l’interdiction des mines antipersonnel, publiés année par année.',
              ),
            }),
      };
    }),
  );

  router.get('/methodologie', (req, res, next) =>
    cache.page(req, res, next, 'methodology', () => ({
      title: 'Méthode de calcul des indicateurs',
      publicViewNote: Boolean(req.viewer),
      ...methodologyPage(data('public')),
    })),
  );

  return router;
}
