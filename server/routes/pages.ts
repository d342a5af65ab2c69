import { Router, type Request } from 'express';
import type { RouteContext } from '../route-context';
import { HttpError } from '../http-error';
import { committeePage } from '../presenters/committee-page';
import { COMMITTEE_QUERY, committeeSortQuery, readCommitteeSort } from '../presenters/committee-sort';
import { indicatorCsv, indicatorDetail, indicatorMap } from '../presenters/indicator-detail';
import { pageYear } from './page-year';
import { actionHeader, overviewSections, sectionViews } from '../presenters/progress-view';
import { headlineTiles } from '../presenters/headline-tiles';
import { statePage } from '../presenters/state-page';
import { readStatesQuery, STATES_QUERY, statesKeep, statesPage } from '../presenters/states-page';
import { partyReports, reportsMap } from '../presenters/report-map';
import { audienceOf } from '../data-source';
import { cardPaths, embedCode, embedPaths, shareView } from '../presenters/share';
import { t } from '../i18n/translate';
import { localePath } from '../i18n/addresses';
import { localizedView } from '../presenters/localized-view';

/** `what` is one of the `notFound.…` keys (docs/i18n.md). */
const notFound = (req: Request, what: string, value: string) =>
  new HttpError(404, t(req.locale, 'error.notFoundTitle'), t(req.locale, what, { value }));

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
    const view = localizedView(data(audienceOf(req)), req.locale);
    const page = pageYear(req, view);
    return { view, page, locals: { page, yearQuery: yearQuery(req), yearSelector: { path: req.path, keep } } };
  }

  const findIndicator = (req: Request) => {
    const indicator = localizedView(data(audienceOf(req)), req.locale).catalogue.indicatorByCode.get(String(req.params.code));
    if (!indicator) throw notFound(req, 'notFound.indicator', String(req.params.code));
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
        if (committeeId && !committee) throw notFound(req, 'notFound.committee', committeeId);
        const only = committee ? new Set([...committee.lead, ...committee.contributing]) : null;
        const shown = view.catalogue.actions.filter((a) => only === null || only.has(a.number));
        return {
          ...locals,
          title: t(req.locale, 'home.title'),
          headline: headlineTiles(
            view,
            page.year,
            shown.flatMap((a) => a.indicators),
            { yearParam: locals.yearQuery.replace(/^\?/, ''), progressHref: '#sommaire' },
            req.locale,
          ),
          sections: overviewSections(view, page.year, only, req.locale),
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
        const section = sectionViews(view, page.year, null, req.locale).find((s) => s.number === req.params.roman);
        if (!section) throw notFound(req, 'notFound.section', req.params.roman);
        return { ...locals, title: `${t(req.locale, 'common.sectionNumber', { number: section.number })}. ${section.title}`, section };
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
        if (!action) throw notFound(req, 'notFound.action', req.params.n);
        const actionTitle = t(req.locale, 'common.actionNumber', { number: action.number });
        return {
          ...locals,
          title: actionTitle,
          charts: true,
          action: actionHeader(view, action),
          section: view.catalogue.sections.find((s) => s.number === action.section),
          indicators: action.indicators.map((i) => indicatorDetail(view, i, page.year, req.locale)),
          ...sharing(() => ({
            embed: embedCode(
              config.publicUrl,
              localePath(req.locale, embedPaths.action(action.number)),
              actionTitle,
              t(req.locale, 'embedCode.whatAction', { number: action.number }),
              900,
            ),
            share: shareView(
              config.publicUrl,
              localePath(req.locale, `/actions/${action.number}`),
              cardPaths.action(action.number, req.locale),
              actionTitle,
              action.text,
              req.locale,
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
        const indicatorTitle = t(req.locale, 'common.indicatorNumber', { code: indicator.code });
        const detail = indicatorDetail(view, indicator, page.year, req.locale);
        return {
          ...locals,
          title: indicatorTitle,
          charts: true,
          section: view.catalogue.sections.find((s) => s.number === action.section),
          ...detail,
          map: detail.states && indicatorMap(view, indicator, page.year, detail.states, req.locale),
          ...sharing(() => ({
            embed: embedCode(
              config.publicUrl,
              localePath(req.locale, embedPaths.indicator(indicator.code)),
              indicatorTitle,
              t(req.locale, 'embedCode.whatIndicator', { code: indicator.code }),
              640,
            ),
            share: shareView(
              config.publicUrl,
              localePath(req.locale, `/indicators/${indicator.code}`),
              cardPaths.indicator(indicator.code, req.locale),
              indicatorTitle,
              indicator.text,
              req.locale,
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
        const order = readCommitteeSort(req.query, req.locale);
        const keep = [...new URLSearchParams(committeeSortQuery(order))].map(([name, value]) => ({ name, value }));
        const { view, page, locals } = pageContext(req, keep);
        const mechanism = view.catalogue.mechanisms.find((m) => m.id === req.params.id);
        if (!mechanism) throw notFound(req, 'notFound.committee', req.params.id);
        return {
          ...locals,
          title: mechanism.name,
          ...committeePage(view, mechanism, page.year, order, locals.yearQuery.replace(/^\?/, ''), req.locale),
        };
      },
      { query: COMMITTEE_QUERY },
    ),
  );

  router.get('/states', (req, res, next) =>
    cache.page(
      req,
      res,
      next,
      'states',
      () => {
        const query = readStatesQuery(data(audienceOf(req)), req.query, req.locale);
        const { view, page, locals } = pageContext(req, statesKeep(query));
        // The map draws the table's States Parties by report (the table says the same in words).
        const map = reportsMap(view, page.year, partyReports(view, page.year), false, req.locale);
        return {
          ...locals,
          title: t(req.locale, 'statesPage.title'),
          ...statesPage(view, page.year, query, locals.yearQuery.replace(/^\?/, ''), req.locale),
          map,
        };
      },
      { query: STATES_QUERY },
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
        if (!state) throw notFound(req, 'notFound.state', req.params.iso3);
        return { ...locals, title: state.nameFr, ...statePage(view, state, page.year, req.locale) };
      },
      YEAR,
    ),
  );

  return router;
}
