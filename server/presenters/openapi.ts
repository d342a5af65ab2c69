import { z } from 'zod';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { LICENCE } from '../domain/releases/open-data';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locale';
import { t, translator, type Translate } from '../i18n/translate';
import { catalogueResponse, indicatorDetailResponse, indicatorsResponse, statesResponse } from './api-json';
import {
  catalogueResponseSchema,
  errorResponseSchema,
  indicatorDetailResponseSchema,
  indicatorsResponseSchema,
  statesResponseSchema,
} from './api-schemas';

/**
 * /api/v1/openapi.json (OpenAPI 3.1): generated from the schemas the routes parse their answers with
 * (api-schemas.ts), with examples taken from the data the public sees now (the demonstration data
 * where it is loaded), in the language asked for (`?lang=`, docs/i18n.md#the-api): every description
 * is a message key, worded here. Rebuilt once per release and language, like every public answer.
 */

export const API_BASE = '/api/v1';

/** The response schemas, by the name components.schemas gives them. */
export const RESPONSE_SCHEMAS = {
  Catalogue: catalogueResponseSchema,
  Indicators: indicatorsResponseSchema,
  IndicatorDetail: indicatorDetailResponseSchema,
  States: statesResponseSchema,
  Error: errorResponseSchema,
} as const;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;

const FIRST_YEAR = PLAN_YEARS[0];
const LAST_YEAR = PLAN_YEARS.at(-1)!;
/** What the schemas' descriptions may put in (`{{years}}`). */
const DESCRIPTION_VARS = { years: `${FIRST_YEAR}–${LAST_YEAR}` };

/** Every `description` of a JSON Schema, a message key (api-schemas.ts), worded in one language. */
function described(value: unknown, say: Translate): unknown {
  if (Array.isArray(value)) return value.map((v) => described(v, say));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'description' && typeof v === 'string' ? say(v, DESCRIPTION_VARS) : described(v, say)]),
  );
}

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of a zod schema, without its own `$schema`, in one language. */
function jsonSchema(schema: z.ZodType, say: Translate): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return described(rest, say) as Record<string, unknown>;
}

/** Arrays cut to their first two items, at every depth: an example shows the shape, not all the data. */
function shortened(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 2).map(shortened);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  }
  return value;
}

export interface ApiExamples {
  Catalogue: unknown;
  Indicators: unknown;
  IndicatorDetail: unknown;
  States: unknown;
  /** The code of the indicator of the detail's example. */
  code: string;
  year: number;
}

/** Examples of each answer from the data `view` holds, shortened, as the API answers them in `locale`. */
export function apiExamples(view: DataView, locale: Locale = DEFAULT_LOCALE): ApiExamples {
  const year = view.defaultYear;
  // The example's indicator from the catalogue in that language, as the route takes it (routes/api.ts).
  const catalogue = localizeCatalogue(view.catalogue, locale);
  const indicator = catalogue.indicatorByCode.values().next().value;
  return {
    Catalogue: shortened(catalogueResponseSchema.parse(catalogueResponse(view, locale))),
    Indicators: shortened(indicatorsResponseSchema.parse({ language: locale, ...indicatorsResponse(view, year) })),
    IndicatorDetail: indicator
      ? shortened(indicatorDetailResponseSchema.parse(indicatorDetailResponse(view, indicator, catalogue)))
      : undefined,
    States: shortened(statesResponseSchema.parse(statesResponse(view, year, locale))),
    code: indicator?.code ?? '1.1',
    year,
  };
}

const ref = (name: ResponseSchemaName) => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI 3.1 document of the API, its words in `locale` (French when not given). */
export function openApiDocument(examples: ApiExamples, locale: Locale = DEFAULT_LOCALE) {
  const say = translator(locale);
  const cacheHeaders = {
    ETag: { description: say('openApi.header.etag'), schema: { type: 'string' } },
    'Cache-Control': { description: say('openApi.header.cacheControl'), schema: { type: 'string' } },
    'Access-Control-Allow-Origin': { description: say('openApi.header.cors'), schema: { type: 'string' } },
  };
  const languageHeaders = {
    ...cacheHeaders,
    'Content-Language': { description: say('openApi.header.contentLanguage'), schema: { type: 'string' } },
  };
  const ok = (description: string, name: ResponseSchemaName, example: unknown) => ({
    description,
    headers: languageHeaders,
    content: { 'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) } },
  });
  const error = (description: string, example: { status: number; message: string }) => ({
    description,
    content: { 'application/json': { schema: ref('Error'), example: { error: example } } },
  });
  const notModified = { description: say('openApi.notModified') };
  // The examples of errors are the messages the API gives in this language (server/routes/params.ts).
  const badYearMessage = { status: 400, message: t(locale, 'errors.badYear', { value: '2031', first: FIRST_YEAR, last: LAST_YEAR }) };
  const badYear = error(say('openApi.badYear'), badYearMessage);
  const badYearOrLang = error(say('openApi.badYearOrLang'), badYearMessage);
  const badLang = error(say('openApi.badLang'), {
    status: 400,
    message: t(locale, 'errors.badLang', { value: 'de', choices: `lang=${LOCALES.join(', lang=')}` }),
  });
  const yearParameter = {
    name: 'year',
    in: 'query',
    required: false,
    description: say('openApi.yearParameter', { first: FIRST_YEAR, last: LAST_YEAR }),
    schema: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR },
    example: examples.year,
  };
  /** The `lang` parameter of the routes with texts (docs/i18n.md). */
  const langParameter = {
    name: 'lang',
    in: 'query',
    required: false,
    description: say('openApi.langParameter'),
    schema: { type: 'string', enum: [...LOCALES], default: 'fr' },
    example: 'en',
  };

  return {
    openapi: '3.1.0',
    info: {
      title: say('openApi.info.title'),
      version: '1',
      summary: say('openApi.info.summary'),
      description: say('openApi.info.description'),
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    servers: [{ url: API_BASE, description: say('openApi.server') }],
    paths: {
      '/catalogue': {
        get: {
          operationId: 'catalogue',
          summary: say('openApi.catalogue.summary'),
          description: say('openApi.catalogue.description'),
          parameters: [langParameter],
          responses: {
            200: ok(say('openApi.catalogue.summary'), 'Catalogue', examples.Catalogue),
            304: notModified,
            400: badLang,
          },
        },
      },
      '/indicators': {
        get: {
          operationId: 'indicators',
          summary: say('openApi.indicators.summary'),
          description: say('openApi.indicators.description'),
          parameters: [yearParameter, langParameter],
          responses: {
            200: ok(say('openApi.indicators.ok'), 'Indicators', examples.Indicators),
            304: notModified,
            400: badYear,
          },
        },
      },
      '/indicators/{code}': {
        get: {
          operationId: 'indicator',
          summary: say('openApi.indicator.summary'),
          description: say('openApi.indicator.description'),
          parameters: [
            {
              name: 'code',
              in: 'path',
              required: true,
              description: say('openApi.indicator.code'),
              schema: { type: 'string' },
              example: examples.code,
            },
            langParameter,
          ],
          responses: {
            200: ok(say('openApi.indicator.ok'), 'IndicatorDetail', examples.IndicatorDetail),
            304: notModified,
            400: badLang,
            404: error(say('openApi.indicator.notFound'), { status: 404, message: t(locale, 'errors.unknownIndicator', { code: '99.9' }) }),
          },
        },
      },
      '/states': {
        get: {
          operationId: 'states',
          summary: say('openApi.states.summary'),
          description: say('openApi.states.description'),
          parameters: [yearParameter, langParameter],
          responses: {
            200: ok(say('openApi.states.ok'), 'States', examples.States),
            304: notModified,
            400: badYearOrLang,
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: say('openApi.document.summary'),
          description: say('openApi.document.description'),
          parameters: [langParameter],
          responses: {
            200: { description: say('openApi.document.ok'), content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema, say)])),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
