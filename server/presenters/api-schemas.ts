import { z } from 'zod';
import { GRADES, PLAN_YEARS } from '../domain/engine/types';
import { LOCALES, type Locale } from '../i18n/locale';

/**
 * The shapes of the API's answers (README, « API »). Each route parses what it sends with these
 * schemas — once per release, the answer being cached — so an answer can never drift from what
 * /api/v1/openapi.json documents: the document is generated from the same schemas (z.toJSONSchema).
 * Each description is a message key (`openApi.field.…`, docs/i18n.md): openapi.ts words the document
 * in the language asked for, and the page /donnees/api shows it in the page's language.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const year = z.number().int().min(PLAN_YEARS[0]).max(PLAN_YEARS.at(-1)!);
const nullableNumber = (description: string) => z.number().nullable().describe(description);

const kind = z.enum(['share', 'count', 'figure', 'ratio']).describe('openApi.field.kind');
const direction = z.enum(['up', 'down', 'neutral']).describe('openApi.field.direction');
const population = z.string().nullable().describe('openApi.field.population');

export const publicationSchema = z
  .object({
    revision: z.number().int().min(1).describe('openApi.field.revision'),
    publishedAt: z.string().describe('openApi.field.publishedAt'),
    note: z.string().nullable().describe('openApi.field.publicationNote'),
  })
  .nullable()
  .describe('openApi.field.publication');

const progressShape = {
  value: nullableNumber('openApi.field.value'),
  numerator: nullableNumber('openApi.field.numerator'),
  denominator: nullableNumber('openApi.field.denominator'),
  answered: nullableNumber('openApi.field.answered'),
  baseline: nullableNumber('openApi.field.baseline'),
  delta: nullableNumber('openApi.field.delta'),
  status: z.enum(['improved', 'unchanged', 'worsened', 'changed', 'no-baseline', 'no-data']).describe('openApi.field.status'),
  projection2029: nullableNumber('openApi.field.projection2029'),
  target: nullableNumber('openApi.field.target'),
  reachesTarget: z.boolean().nullable().describe('openApi.field.reachesTarget'),
  progress: z.enum(GRADES).describe('openApi.field.progress'),
  likeForLike: z
    .object({
      denominator: z.number().int().describe('openApi.field.cohortDenominator'),
      numerator2025: z.number().int().describe('openApi.field.cohortNumerator2025'),
      numerator: z.number().int().describe('openApi.field.cohortNumerator'),
      delta: z.number().describe('openApi.field.cohortDelta'),
      entered: z.array(z.string()).describe('openApi.field.entered'),
      left: z.array(z.string()).describe('openApi.field.left'),
    })
    .nullable()
    .describe('openApi.field.likeForLike'),
};

export const indicatorSummarySchema = z.object({
  code: z.string().describe('openApi.field.indicatorCodeExample'),
  action: z.number().int().describe('openApi.field.actionNumber'),
  kind,
  population,
  direction,
  ...progressShape,
});

export const indicatorsResponseSchema = z
  .object({
    language: z.enum(LOCALES).describe('openApi.field.language'),
    year: year.describe('openApi.field.reportingYearRange'),
    baselineYear: z.number().int().describe('openApi.field.baselineYear'),
    demo: z.boolean().describe('openApi.field.demo'),
    hasData: z.boolean().describe('openApi.field.hasData'),
    publication: publicationSchema,
    indicators: z.array(indicatorSummarySchema).describe('openApi.field.indicators'),
  })
  .describe('openApi.field.indicatorsResponse');

/** Which language the texts are in and what they are worth (docs/i18n.md#the-catalogue-in-three-languages). */
const languageShape = {
  language: z.enum(LOCALES).describe('openApi.field.language'),
  translation: z.enum(['source', 'official', 'unofficial']).describe('openApi.field.translation'),
  untranslated: z.array(z.string()).describe('openApi.field.untranslated'),
};

export const catalogueIndicatorSchema = z.object({
  code: z.string().describe('openApi.field.indicatorCode'),
  action: z.number().int().describe('openApi.field.actionNumber'),
  text: z.string().describe('openApi.field.indicatorText'),
  kind,
  population,
  direction,
  provenance: z.string().nullable().describe('openApi.field.provenance'),
  derivedFrom: z.enum(['report_on_time', 'report_reporting_guide']).nullable().describe('openApi.field.derivedFrom'),
});

const statesByAnswer = z
  .object({
    yes: z.array(z.string()).describe('openApi.field.statesYes'),
    no: z.array(z.string()).describe('openApi.field.statesNo'),
    blank: z.array(z.string()).describe('openApi.field.statesBlank'),
  })
  .nullable()
  .describe('openApi.field.states');

export const indicatorYearSchema = z.object({
  year: year.describe('openApi.field.reportingYear'),
  ...progressShape,
  states: statesByAnswer,
  publication: publicationSchema,
});

export const indicatorDetailResponseSchema = catalogueIndicatorSchema
  .extend({
    ...languageShape,
    baselineYear: z.number().int().describe('openApi.field.baselineYear'),
    demo: z.boolean().describe('openApi.field.demo'),
    years: z.array(indicatorYearSchema).describe('openApi.field.years'),
  })
  .describe('openApi.field.indicatorDetailResponse');

export const catalogueResponseSchema = z
  .object({
    ...languageShape,
    sections: z.array(
      z.object({
        number: z.string().describe('openApi.field.sectionNumber'),
        title: z.string().describe('openApi.field.sectionTitle'),
        actions: z.array(z.number().int()).describe('openApi.field.sectionActions'),
      }),
    ),
    actions: z.array(
      z.object({
        number: z.number().int().describe('openApi.field.actionNumber'),
        section: z.string().describe('openApi.field.actionSection'),
        text: z.string().describe('openApi.field.actionText'),
        lead: z.string().nullable().describe('openApi.field.actionLead'),
        contributing: z.array(z.string()).describe('openApi.field.actionContributing'),
        indicators: z.array(catalogueIndicatorSchema).describe('openApi.field.actionIndicators'),
      }),
    ),
    mechanisms: z.array(
      z.object({
        id: z.string().describe('openApi.field.mechanismId'),
        name: z.string().describe('openApi.field.mechanismName'),
        mandate: z.string().describe('openApi.field.mandate'),
        lead: z.array(z.number().int()).describe('openApi.field.mechanismLead'),
        contributing: z.array(z.number().int()).describe('openApi.field.mechanismContributing'),
      }),
    ),
    populations: z.array(
      z.object({
        key: z.string().describe('openApi.field.populationKey'),
        name: z.string().describe('openApi.field.populationName'),
        description: z.string().describe('openApi.field.populationDescription'),
      }),
    ),
  })
  .describe('openApi.field.catalogueResponse');

export const stateFlagSchema = z.object({
  code: z.enum(['no-report-two-years']).describe('openApi.field.flagCode'),
  action: z.number().int().describe('openApi.field.flagAction'),
  years: z.array(z.number().int()).describe('openApi.field.flagYears'),
  message: z.string().describe('openApi.field.flagMessage'),
});

const nameSource = z.enum(['registry', 'iso']).describe('openApi.field.nameSource');

export const stateSchema = z.object({
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('openApi.field.iso3'),
  name: z.string().describe('openApi.field.stateName'),
  nameSource: nameSource,
  nameEn: z.string().describe('openApi.field.nameEn'),
  names: z
    .object(
      Object.fromEntries(LOCALES.map((l) => [l, z.object({ name: z.string(), source: nameSource })])) as Record<
        Locale,
        z.ZodObject<{ name: z.ZodString; source: typeof nameSource }>
      >,
    )
    .describe('openApi.field.names'),
  party: z.boolean().describe('openApi.field.party'),
  partyFrom: z.string().regex(DAY).nullable().describe('openApi.field.partyFrom'),
  partyUntil: z.string().regex(DAY).nullable().describe('openApi.field.partyUntil'),
  populations: z.array(z.string()).describe('openApi.field.statePopulations'),
  report: z
    .object({
      receivedOn: z.string().regex(DAY).describe('openApi.field.receivedOn'),
      onTime: z.boolean().describe('openApi.field.onTime'),
      usedReportingGuide: z.boolean().describe('openApi.field.usedReportingGuide'),
    })
    .nullable()
    .describe('openApi.field.report'),
  flags: z.array(stateFlagSchema).describe('openApi.field.flags'),
});

export const statesResponseSchema = z
  .object({
    language: z.enum(LOCALES).describe('openApi.field.language'),
    year: year.describe('openApi.field.reportingYear'),
    demo: z.boolean().describe('openApi.field.demo'),
    states: z.array(stateSchema).describe('openApi.field.statesList'),
  })
  .describe('openApi.field.statesResponse');

export const errorResponseSchema = z
  .object({
    error: z.object({
      status: z.number().int().describe('openApi.field.httpStatus'),
      message: z.string().describe('openApi.field.errorMessage'),
    }),
  })
  .describe('openApi.field.error');

export type IndicatorSummaryJson = z.infer<typeof indicatorSummarySchema>;
export type IndicatorYearJson = Omit<z.infer<typeof indicatorYearSchema>, 'publication'>;
export type CatalogueIndicatorJson = z.infer<typeof catalogueIndicatorSchema>;
export type StateJson = z.infer<typeof stateSchema>;
export type PublicationJson = z.infer<typeof publicationSchema>;
