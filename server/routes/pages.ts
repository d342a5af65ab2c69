import { Router, type Request } from 'express';
import type { RouteContext } from '../route-context';
import { HttpError } from '../http-error';
import { committeePage } from '../presenters/committee-page';
import { indicatorCsv, indicatorDetail, indicatorMap } from '../presenters/indicator-detail';
import { pageYear } from './page-year';
import { actionHeader, sectionViews } from '../presenters/progress-view';
import { statePage } from '../presenters/state-page';
import { statesPage } from '../presenters/states-page';
import { partyReports, reportsMap } from '../presenters/report-map';
import { audienceOf } from '../data-source';
import { cardPaths, embedCode, embedPaths, shareView } from '../presenters/share';

const notFound = (what: string, value: string) =>
  new HttpError(404, 'Page introuvable', `${what} « ${value} » n’existe pas dans le Plan d’action.`);

/** What the dashboard pages read of the query: the year shown (see the public cache). */
const YEAR = { query: ['year'] } as const;

/** Keeps an explicitly chosen year in the page's links. */
const yearQuery = (req: Request) => {
  const year = req.query.year;
  return typeof year === 'string' && year ? `?year=${encodeURIComponent(year)}` : '';
};

export function pagesRouter({ data, cache, config, staticSite }: RouteContext): Router {
  const router = Router();
  /** « Intégrer » and the share card: not in a static copy, which serves neither embeds nor cards. */
  const sharing = (embed: () => Record<string, unknown>) => (staticSite ? {} : embed());

  /** What every dashboard page shares: the year shown, its selector and the data view. */
  function pageContext(req: Request, keep: { name: string; value: string }[] = []) {
    const view = data(audienceOf(req));
    const page = pageYear(req, view);
    return { view, page, locals: { page, yearQuery: yearQuery(req), yearSelector: { path: req.path, keep } } };
  }

  const findIndicator = (req: Request) => {
    const indicator = data(audienceOf(req)).catalogue.indicatorByCode.get(String(req.params.code));
    if (!indicator) throw notFound('L’indicateur', String(req.params.code));
    return indicator;
  };

  router.get('/', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'home',
      () => {
        const committeeId = typeof req.query.comite === 'string' ? req.query.comite : '';
        const { view, page, locals } = pageContext(req, committeeId ? [{ name: 'comite', value: committeeId }] : []);
        const committee = committeeId ? view.catalogue.mechanisms.find((m) => m.id === committeeId) : undefined;
        if (committeeId && !committee) throw notFound('Le comité', committeeId);
        const only = committee ? new Set([...committee.lead, ...committee.contributing]) : null;
        return {
          ...locals,
          title: 'Plan d’action de Siem Reap-Angkor 2025-2029',
          sections: sectionViews(view, page.year, only),
          committee,
          committeeOptions: view.catalogue.mechanisms.map((m) => ({ id: m.id, name: m.name, selected: m.id === committeeId })),
          actionCount: view.catalogue.actions.length,
          indicatorCount: view.catalogue.actions.reduce((n, a) => n + a.indicators.length, 0),
        };
      },
      { query: ['year', 'comite'] },
    ),
  );

  router.get('/sections/:roman', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'section',
      () => {
        const { view, page, locals } = pageContext(req);
        const section = sectionViews(view, page.year).find((s) => s.number === req.params.roman);
        if (!section) throw notFound('La section', req.params.roman);
        return { ...locals, title: `Section ${section.number}. ${section.title}`, section };
      },
      YEAR,
    ),
  );

  router.get('/actions/:n', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'action',
      () => {
        const { view, page, locals } = pageContext(req);
        const action = view.catalogue.actions.find((a) => String(a.number) === req.params.n);
        if (!action) throw notFound('L’action', req.params.n);
        return {
          ...locals,
          title: `Action ${action.number}`,
          charts: true,
          action: actionHeader(view, action),
          section: view.catalogue.sections.find((s) => s.number === action.section),
          indicators: action.indicators.map((i) => indicatorDetail(view, i, page.year)),
          ...sharing(() => ({
            embed: embedCode(
              config.publicUrl,
              embedPaths.action(action.number),
              `Action ${action.number}`,
              `l’action ${action.number} et ses indicateurs`,
              900,
            ),
            share: shareView(
              config.publicUrl,
              `/actions/${action.number}`,
              cardPaths.action(action.number),
              `Action ${action.number}`,
              action.text,
            ),
          })),
        };
      },
      YEAR,
    ),
  );

  router.get('/indicators/:code', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'indicator',
      () => {
        const indicator = findIndicator(req);
        const { view, page, locals } = pageContext(req);
        const action = view.catalogue.actions.find((a) => a.number === indicator.action)!;
        const detail = indicatorDetail(view, indicator, page.year);
        return {
          ...locals,
          title: `Indicateur ${indicator.code}`,
          charts: true,
          section: view.catalogue.sections.find((s) => s.number === action.section),
          ...detail,
          map: detail.states && indicatorMap(view, indicator, page.year, detail.states, req.locale),
          ...sharing(() => ({
            embed: embedCode(
              config.publicUrl,
              embedPaths.indicator(indicator.code),
              `Indicateur ${indicator.code}`,
              `l’indicateur ${indicator.code}, son graphique et ses valeurs`,
              640,
            ),
            share: shareView(
              config.publicUrl,
              `/indicators/${indicator.code}`,
              cardPaths.indicator(indicator.code),
              `Indicateur ${indicator.code}`,
              indicator.text,
            ),
          })),
        };
      },
      YEAR,
    ),
  );

  router.get('/indicators/:code/donnees.csv', (req, res, next) => {
    const indicator = findIndicator(req);
    cache.file(req, res, next, {
      type: 'text/csv; charset=utf-8',
      filename: `indicateur-${indicator.code}.csv`,
      build: () => {
        const view = data(audienceOf(req));
        return indicatorCsv(indicator, view.engine.indicatorYears(indicator.code), view.releases);
      },
    });
  });

  router.get('/committees/:id', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'committee',
      () => {
        const { view, page, locals } = pageContext(req);
        const mechanism = view.catalogue.mechanisms.find((m) => m.id === req.params.id);
        if (!mechanism) throw notFound('Le comité', req.params.id);
        return { ...locals, title: mechanism.name, ...committeePage(view, mechanism, page.year) };
      },
      YEAR,
    ),
  );

  router.get('/states', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'states',
      () => {
        const { view, page, locals } = pageContext(req);
        // The map draws the table's States Parties by report (the table says the same in words).
        const map = reportsMap(view, page.year, partyReports(view, page.year), false, req.locale);
        return { ...locals, title: 'États', ...statesPage(view, page.year, req.locale), map };
      },
      YEAR,
    ),
  );

  router.get('/states/:iso3', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'state',
      () => {
        const { view, page, locals } = pageContext(req);
        const state = view.engine.state(req.params.iso3.toUpperCase());
        if (!state) throw notFound('L’État', req.params.iso3);
        return { ...locals, title: state.nameFr, ...statePage(view, state, page.year) };
      },
      YEAR,
    ),
  );

  return router;
}
