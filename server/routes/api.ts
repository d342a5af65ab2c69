import { Router, type NextFunction, type Request, type Response } from 'express';
import type { RouteContext } from '../app';
import { audienceOf } from '../data-source';
import { BASELINE_YEAR } from '../domain/engine/types';
import { HttpError } from '../http-error';
import { catalogueIndicatorJson, indicatorYearJson, indicatorSummaryJson, publicationJson, stateJson } from '../presenters/api-json';
import { yearParam } from './params';

export function apiRouter({ data, cache }: RouteContext): Router {
  const router = Router();
  /** A JSON answer, kept for the public until the next release. */
  const json = (req: Request, res: Response, next: NextFunction, build: () => unknown, query: readonly string[] = []) =>
    cache.file(req, res, next, { type: 'application/json; charset=utf-8', query, build: () => JSON.stringify(build()) });

  router.get('/catalogue', (req, res, next) =>
    json(req, res, next, () => {
      const { sections, actions, mechanisms } = data(audienceOf(req)).catalogue;
      return {
        sections: sections.map(({ number, title, actions }) => ({ number, title, actions })),
        actions: actions.map((action) => ({ ...action, indicators: action.indicators.map(catalogueIndicatorJson) })),
        mechanisms,
      };
    }),
  );

  router.get('/indicators', (req, res, next) =>
    json(req, res, next, () => {
      const { engine: snapshot, demo, releases, defaultYear } = data(audienceOf(req));
      const year = yearParam(req.query.year, defaultYear);
      const result = snapshot.year(year);
      return {
        year,
        baselineYear: BASELINE_YEAR,
        demo,
        hasData: result.hasData,
        publication: publicationJson(releases, year),
        indicators: snapshot.index.indicators.map((i) => indicatorSummaryJson(i, result.indicators.get(i.code)!)),
      };
    }, ['year']),
  );

  router.get('/indicators/:code', (req, res, next) =>
    json(req, res, next, () => {
      const { catalogue, engine: snapshot, demo, releases } = data(audienceOf(req));
      const indicator = catalogue.indicatorByCode.get(req.params.code);
      if (!indicator) {
        throw new HttpError(404, 'Indicateur inconnu', `Aucun indicateur ne porte le code « ${req.params.code} ».`);
      }
      return {
        ...catalogueIndicatorJson(indicator),
        baselineYear: BASELINE_YEAR,
        demo,
        years: snapshot.indicatorYears(indicator.code).map((r) => ({ ...indicatorYearJson(r), publication: publicationJson(releases, r.year) })),
      };
    }),
  );

  router.get('/states', (req, res, next) =>
    json(req, res, next, () => {
      const { engine: snapshot, demo, defaultYear } = data(audienceOf(req));
      const year = yearParam(req.query.year, defaultYear);
      const result = snapshot.year(year);
      const states = [...snapshot.index.states].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr'));
      return {
        year,
        demo,
        states: states.map((s) => stateJson(s, result, snapshot.index.reports.get(year)?.get(s.iso3) ?? null)),
      };
    }, ['year']),
  );

  router.use((req, _res, next) => {
    next(new HttpError(404, 'Ressource introuvable', `Aucune ressource de l’API ne correspond à ${req.path}.`));
  });
  return router;
}
