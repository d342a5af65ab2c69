import { z } from 'zod';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { LICENCE } from '../domain/releases/open-data';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { LOCALES } from '../i18n/locale';
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
 * where it is loaded). Rebuilt once per release, like every public answer.
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

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of a zod schema, without its own `$schema`. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
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

/** Examples of each answer from the data `view` holds, shortened. */
export function apiExamples(view: DataView): ApiExamples {
  const year = view.defaultYear;
  const indicator = view.catalogue.indicatorByCode.values().next().value;
  return {
    Catalogue: shortened(catalogueResponseSchema.parse(catalogueResponse(view))),
    Indicators: shortened(indicatorsResponseSchema.parse({ language: 'fr', ...indicatorsResponse(view, year) })),
    IndicatorDetail: indicator
      ? shortened(indicatorDetailResponseSchema.parse(indicatorDetailResponse(view, indicator, localizeCatalogue(view.catalogue, 'fr'))))
      : undefined,
    States: shortened(statesResponseSchema.parse(statesResponse(view, year))),
    code: indicator?.code ?? '1.1',
    year,
  };
}

const ref = (name: ResponseSchemaName) => ({ $ref: `#/components/schemas/${name}` });

const CACHE_HEADERS = {
  ETag: {
    description: 'Version de la réponse : la renvoyer dans If-None-Match donne un 304 tant qu’aucune publication ne l’a changée',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: '« public, no-cache » : à revalider à chaque usage', schema: { type: 'string' } },
  'Access-Control-Allow-Origin': { description: '« * » : l’API se lit depuis n’importe quel site', schema: { type: 'string' } },
};

const LANGUAGE_HEADERS = {
  ...CACHE_HEADERS,
  'Content-Language': {
    description: 'Langue des textes de la réponse (fr, en ou es), celle du paramètre lang',
    schema: { type: 'string' },
  },
};

function ok(description: string, name: ResponseSchemaName, example: unknown, headers: Record<string, unknown> = CACHE_HEADERS) {
  return {
    description,
    headers,
    content: { 'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) } },
  };
}

const error = (description: string, example: { status: number; message: string }) => ({
  description,
  content: { 'application/json': { schema: ref('Error'), example: { error: example } } },
});

const NOT_MODIFIED = { description: 'Non modifié : la version que le client a (If-None-Match) est la dernière' };

const FIRST_YEAR = PLAN_YEARS[0];
const LAST_YEAR = PLAN_YEARS.at(-1)!;

const BAD_YEAR = error('Année invalide (hors du plan ou mal écrite), ou langue invalide (paramètre lang)', {
  status: 400,
  message: `L’année « 2031 » n’est pas une année du plan : indiquez une année de ${FIRST_YEAR} à ${LAST_YEAR}.`,
});

function yearParameter(example: number) {
  return {
    name: 'year',
    in: 'query',
    required: false,
    description: `Année de rapport, de ${FIRST_YEAR} à ${LAST_YEAR} ; par défaut la dernière année avec des données (pour le public : la dernière année publiée). Toute autre valeur donne un 400.`,
    schema: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR },
    example,
  };
}

const BAD_LANG = error('Langue invalide (ni fr, ni en, ni es)', {
  status: 400,
  message: 'La langue « de » n’est pas proposée : indiquez lang=fr, lang=en, lang=es (français par défaut).',
});

const BAD_YEAR_OR_LANG = error('Année invalide (hors du plan ou mal écrite) ou langue non proposée', {
  status: 400,
  message: `L’année « 2031 » n’est pas une année du plan : indiquez une année de ${FIRST_YEAR} à ${LAST_YEAR}.`,
});

/** The `lang` parameter of the routes with texts (docs/i18n.md). */
const LANG_PARAMETER = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    'Langue des textes : fr (par défaut, texte source du Plan d’action), en ou es (traductions ; le champ translation dit si elles sont officielles). Toute autre valeur donne un 400.',
  schema: { type: 'string', enum: [...LOCALES], default: 'fr' },
  example: 'en',
};

/** The OpenAPI 3.1 document of the API. */
export function openApiDocument(examples: ApiExamples) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API du tableau de bord du Plan d’action de Siem Reap-Angkor',
      version: '1',
      summary: 'Les indicateurs du Plan d’action de Siem Reap-Angkor (2025-2029), leurs valeurs par année et les États.',
      description:
        'API publique en lecture seule, en JSON. Le public voit la dernière publication (révision) de chaque année ; chaque réponse nomme la publication dont viennent ses valeurs. ' +
        'Valeurs non arrondies, null là où il n’y a pas de valeur. Chaque réponse porte un ETag et « Cache-Control: public, no-cache » : une requête avec If-None-Match reçoit un 304 jusqu’à la publication suivante. ' +
        'Les réponses sont compressées (brotli ou gzip) selon Accept-Encoding ; les paramètres qu’une adresse n’utilise pas sont ignorés. ' +
        'Les erreurs ont la forme { "error": { "status", "message" } }, avec un message en français. CORS : toute origine peut lire les réponses (GET).',
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    servers: [{ url: API_BASE, description: 'Ce serveur' }],
    paths: {
      '/catalogue': {
        get: {
          operationId: 'catalogue',
          summary: 'Le catalogue',
          description:
            'Sections, actions (texte, mécanismes chef de file et contributeurs, indicateurs), mécanismes (mandat, actions) et populations, en français ou traduits (lang).',
          parameters: [LANG_PARAMETER],
          responses: {
            200: ok('Le catalogue', 'Catalogue', examples.Catalogue, LANGUAGE_HEADERS),
            304: NOT_MODIFIED,
            400: BAD_LANG,
          },
        },
      },
      '/indicators': {
        get: {
          operationId: 'indicators',
          summary: 'Tous les indicateurs pour une année',
          description:
            'Pour chaque indicateur : valeur, n et N, couverture, valeur de référence 2025, évolution, statut, projection 2029 et cible.',
          parameters: [yearParameter(examples.year), LANG_PARAMETER],
          responses: {
            200: ok('Les indicateurs de l’année', 'Indicators', examples.Indicators, LANGUAGE_HEADERS),
            304: NOT_MODIFIED,
            400: BAD_YEAR,
          },
        },
      },
      '/indicators/{code}': {
        get: {
          operationId: 'indicator',
          summary: 'Un indicateur, année par année',
          description:
            'Les champs du catalogue de l’indicateur et, pour chaque année du plan, ses valeurs et les États comptés, non comptés et sans réponse.',
          parameters: [
            {
              name: 'code',
              in: 'path',
              required: true,
              description: 'Code de l’indicateur (voir /catalogue), par exemple 1.1 ou 30.4',
              schema: { type: 'string' },
              example: examples.code,
            },
            LANG_PARAMETER,
          ],
          responses: {
            200: ok('L’indicateur', 'IndicatorDetail', examples.IndicatorDetail, LANGUAGE_HEADERS),
            304: NOT_MODIFIED,
            400: BAD_LANG,
            404: error('Aucun indicateur ne porte ce code', { status: 404, message: 'Aucun indicateur ne porte le code « 99.9 ».' }),
          },
        },
      },
      '/states': {
        get: {
          operationId: 'states',
          summary: 'Tous les États pour une année',
          description:
            'Chaque État du registre : partie ou non cette année-là, populations, rapport et alertes précoces (action 47) ; noms dans la langue demandée (lang), triés selon son ordre alphabétique.',
          parameters: [yearParameter(examples.year), LANG_PARAMETER],
          responses: {
            200: ok('Les États de l’année', 'States', examples.States, LANGUAGE_HEADERS),
            304: NOT_MODIFIED,
            400: BAD_YEAR_OR_LANG,
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'Ce document',
          description: 'La description OpenAPI 3.1 de l’API, générée des schémas qui forment ses réponses.',
          responses: { 200: { description: 'Le document OpenAPI', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: Object.fromEntries(Object.entries(RESPONSE_SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema)])),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
