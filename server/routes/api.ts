import { Router, type NextFunction, type Request, type Response } from 'express';
import type { RouteContext } from '../route-context';
import { audienceOf } from '../data-source';
import { HttpError } from '../http-error';
import { catalogueResponse, indicatorDetailResponse, indicatorsResponse, statesResponse } from '../presenters/api-json';
import { langParam, yearParam } from './params';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { z } from 'zod';
import { t } from '../i18n/translate';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locale';
import {
  catalogueResponseSchema,
  indicatorDetailResponseSchema,
  indicatorsResponseSchema,
  statesResponseSchema,
} from '../presenters/api-schemas';
import { apiExamples, openApiDocument } from '../presenters/openapi';

const JSON_TYPE = 'application/json; charset=utf-8';

export function apiRouter({ data, cache }: RouteContext): Router {
  const router = Router();
  /**
   * A JSON answer shaped by its schema — parsed, so that it holds what /api/v1/openapi.json says and
   * nothing else — kept for the public until the next release.
   */
  const json = <S extends z.ZodType>(
    req: Request,
    res: Response,
    next: NextFunction,
    schema: S,
    build: () => z.input<S>,
    query: readonly string[] = [],
  ) => cache.file(req, res, next, { type: JSON_TYPE, query, build: () => JSON.stringify(schema.parse(build())) });

  /**
   * The `lang` of a route with texts (docs/i18n.md), read before the cache so that a bad value is a
   * 400 and every answer, kept or built, says its language.
   */
  const language = (req: Request, res: Response) => {
    const locale = langParam(req.query.lang);
    res.setHeader('Content-Language', locale);
    req.locale = locale;
    return locale;
  };

  router.get('/openapi.json', (req, res, next) => {
    const locale = language(req, res);
    cache.file(req, res, next, {
      type: JSON_TYPE,
      query: ['lang'],
      build: () => JSON.stringify(openApiDocument(apiExamples(data('public'), locale), locale)),
    });
  });

  router.get('/catalogue', (req, res, next) => {
    const locale = language(req, res);
    json(req, res, next, catalogueResponseSchema, () => catalogueResponse(data(audienceOf(req)), locale), ['lang']);
  });

  router.get('/indicators', (req, res, next) => {
    const locale = language(req, res);
    json(
      req,
      res,
      next,
      indicatorsResponseSchema,
      () => {
        const view = data(audienceOf(req));
        return { language: locale, ...indicatorsResponse(view, yearParam(req.query.year, view.defaultYear, locale)) };
      },
      ['year', 'lang'],
    );
  });

  router.get('/indicators/:code', (req, res, next) => {
    const locale = language(req, res);
    json(
      req,
      res,
      next,
      indicatorDetailResponseSchema,
      () => {
        const view = data(audienceOf(req));
        const catalogue = localizeCatalogue(view.catalogue, locale);
        const indicator = catalogue.indicatorByCode.get(req.params.code);
        if (!indicator) {
          throw new HttpError(
            404,
            t(locale, 'errors.unknownIndicatorTitle'),
            t(locale, 'errors.unknownIndicator', { code: req.params.code }),
          );
        }
        return indicatorDetailResponse(view, indicator, catalogue);
      },
      ['lang'],
    );
  });

  router.get('/states', (req, res, next) => {
    const locale = language(req, res);
    json(
      req,
      res,
      next,
      statesResponseSchema,
      () => {
        const view = data(audienceOf(req));
        return statesResponse(view, yearParam(req.query.year, view.defaultYear, locale), locale);
      },
      ['year', 'lang'],
    );
  });

  // An unknown address answers in the language asked for when it is one we offer (French otherwise).
  router.use((req, _res, next) => {
    const asked = typeof req.query.lang === 'string' && isLocale(req.query.lang) ? req.query.lang : DEFAULT_LOCALE;
    next(new HttpError(404, t(asked, 'errors.apiNotFoundTitle'), t(asked, 'errors.apiNotFound', { path: req.path })));
  });
  return router;
}
