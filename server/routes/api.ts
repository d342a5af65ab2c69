import { Router } from 'express';
import type { RouteContext } from '../app';
import { audienceOf } from '../data-source';
import { BASELINE_YEAR } from '../domain/engine/types';
import { HttpError } from '../http-error';
import { indicatorYearJson, indicatorSummaryJson, stateJson } from '../presenters/api-json';
import { yearParam } from './params';

export function apiRouter({ data }: RouteContext): Router {
  const router = Router();

  router.get('/catalogue', (req, res) => {
    const { sections, actions, mechanisms } = data(audienceOf(req)).catalogue;
    res.json({
      sections: sections.map(({ number, title, actions }) => ({ number, title, actions })),
      actions,
      mechanisms,
    });
  });

  router.get('/indicators', (req, res) => {
    const { engine: snapshot, demo } = data(audienceOf(req));
    const year = yearParam(req.query.year, snapshot.latestYear());
    const result = snapshot.year(year);
    res.json({
      year,
      baselineYear: BASELINE_YEAR,
      demo,
      hasData: result.hasData,
      indicators: snapshot.index.indicators.map((i) => indicatorSummaryJson(i, result.indicators.get(i.code)!)),
    });
  });

  router.get('/indicators/:code', (req, res) => {
    const { catalogue, engine: snapshot, demo } = data(audienceOf(req));
    const indicator = catalogue.indicatorByCode.get(req.params.code);
    if (!indicator) {
      throw new HttpError(404, 'Indicateur inconnu', `Aucun indicateur ne porte le code « ${req.params.code} ».`);
    }
    res.json({
      ...indicator,
      baselineYear: BASELINE_YEAR,
      demo,
      years: snapshot.indicatorYears(indicator.code).map(indicatorYearJson),
    });
  });

  router.get('/states', (req, res) => {
    const { engine: snapshot, demo } = data(audienceOf(req));
    const year = yearParam(req.query.year, snapshot.latestYear());
    const result = snapshot.year(year);
    const states = [...snapshot.index.states].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr'));
    res.json({
      year,
      demo,
      states: states.map((s) => stateJson(s, result, snapshot.index.reports.get(year)?.get(s.iso3) ?? null)),
    });
  });

  router.use((req, _res, next) => {
    next(new HttpError(404, 'Ressource introuvable', `Aucune ressource de l’API ne correspond à ${req.path}.`));
  });
  return router;
}
