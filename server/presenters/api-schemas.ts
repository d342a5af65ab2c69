import { z } from 'zod';
import { GRADES, PLAN_YEARS } from '../domain/engine/types';
import { LOCALES, type Locale } from '../i18n/locale';

/**
 * The shapes of the API's answers (README, « API »). Each route parses what it sends with these
 * schemas — once per release, the answer being cached — so an answer can never drift from what
 * /api/v1/openapi.json documents: the document is generated from the same schemas (z.toJSONSchema).
 * Descriptions are in French: the documentation page /donnees/api shows them as they are.
 */

const YEARS = `${PLAN_YEARS[0]}–${PLAN_YEARS.at(-1)}`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const year = z.number().int().min(PLAN_YEARS[0]).max(PLAN_YEARS.at(-1)!);
const nullableNumber = (description: string) => z.number().nullable().describe(description);

const kind = z
  .enum(['share', 'count', 'figure', 'ratio'])
  .describe(
    'Nature : share (pourcentage d’une population d’États), count (nombre d’États), figure (chiffre enregistré), ratio (rapport entre deux chiffres, en %)',
  );
const direction = z.enum(['up', 'down', 'neutral']).describe('Sens du progrès : up (hausse), down (baisse), neutral');
const population = z
  .string()
  .nullable()
  .describe('Population d’États servant de dénominateur (affected, party, yes(X)…) ; null pour figure et ratio');

export const publicationSchema = z
  .object({
    revision: z.number().int().min(1).describe('Numéro de la révision de l’année (1 pour la première publication)'),
    publishedAt: z.string().describe('Date et heure de la publication (UTC, ISO 8601)'),
    note: z.string().nullable().describe('Note de publication, ou null'),
  })
  .nullable()
  .describe('Publication dont viennent les valeurs (dernière révision de l’année) ; null pour une année non publiée');

const progressShape = {
  value: nullableNumber(
    'Valeur non arrondie : pourcentage 0–100 (share, ratio) ou nombre (count, figure) ; null sans valeur (« sans objet » ou pas de données)',
  ),
  numerator: nullableNumber('n : États comptés, ou numérateur enregistré (ratio) ; null pour figure'),
  denominator: nullableNumber('N : taille de la population, ou dénominateur enregistré (ratio) ; null pour figure'),
  answered: nullableNumber('États de la population ayant répondu oui ou non ; null pour figure et ratio'),
  baseline: nullableNumber('Valeur de référence 2025 ; null sans valeur 2025'),
  delta: nullableNumber('Évolution depuis 2025 (value − baseline) ; null sans value ou sans baseline'),
  status: z
    .enum(['improved', 'unchanged', 'worsened', 'changed', 'no-baseline', 'no-data'])
    .describe('Progrès depuis 2025 : improved, unchanged, worsened, changed (indicateur neutre qui bouge), no-baseline, no-data'),
  projection2029: nullableNumber('Projection en 2029 au rythme observé depuis 2025 ; null en 2025 ou sans baseline'),
  target: nullableNumber('Cible 2029 quand le Plan d’action en fixe une ; sinon null'),
  reachesTarget: z.boolean().nullable().describe('La projection atteint-elle la cible ? null sans cible ou sans projection'),
  progress: z
    .enum(GRADES)
    .describe(
      'Progrès gradué vers la cible 2029 (/methodologie#progres-gradue) : rythme observé depuis 2025 / rythme nécessaire = r ; target-reached (cible atteinte), on-track (r ≥ 0,95), acceleration-needed (0,5 ≤ r < 0,95), limited-progress (0 ≤ r < 0,5), moving-away (r < 0), not-comparable (2025, ou valeur 2025 ou de l’année manquante), no-target (nombres, chiffres, ratio 5.4, 15.1)',
    ),
  likeForLike: z
    .object({
      denominator: z.number().int().describe('Cohorte : États de la population à la fois en 2025 et dans l’année'),
      numerator2025: z.number().int().describe('États de la cohorte comptés en 2025'),
      numerator: z.number().int().describe('États de la cohorte comptés dans l’année'),
      delta: z.number().describe('100 × (numerator − numerator2025) / denominator, en points'),
      entered: z.array(z.string()).describe('États entrés dans la population depuis 2025 (codes ISO 3166 alpha-3)'),
      left: z.array(z.string()).describe('États sortis de la population depuis 2025'),
    })
    .nullable()
    .describe(
      'Évolution à population constante (/methodologie#population-constante), pour un pourcentage (share) après 2025 ; null pour les autres natures, pour 2025, sans données ou quand aucun État n’est dans la population les deux années',
    ),
};

export const indicatorSummarySchema = z.object({
  code: z.string().describe('Code de l’indicateur, par exemple 1.1'),
  action: z.number().int().describe('Numéro de l’action'),
  kind,
  population,
  direction,
  ...progressShape,
});

export const indicatorsResponseSchema = z
  .object({
    language: z.enum(LOCALES).describe('Langue des textes (paramètre lang) : fr (par défaut), en ou es'),
    year: year.describe(`Année de rapport (${YEARS})`),
    baselineYear: z.number().int().describe('Année de référence (2025)'),
    demo: z.boolean().describe('true si les données sont celles de démonstration (fictives)'),
    hasData: z.boolean().describe('true si l’année a des données'),
    publication: publicationSchema,
    indicators: z.array(indicatorSummarySchema).describe('Les indicateurs, dans l’ordre du catalogue'),
  })
  .describe('Tous les indicateurs pour une année');

/** Which language the texts are in and what they are worth (docs/i18n.md#the-catalogue-in-three-languages). */
const languageShape = {
  language: z.enum(LOCALES).describe('Langue des textes (paramètre lang) : fr (par défaut), en ou es'),
  translation: z
    .enum(['source', 'official', 'unofficial'])
    .describe(
      'source : texte français du Plan d’action, tel quel ; official : traduction officielle ; unofficial : traduction propre au projet, non officielle',
    ),
  untranslated: z
    .array(z.string())
    .describe('Textes restés en français faute de traduction, nommés comme dans le fichier de traduction (« indicators.21 ») ; vide sinon'),
};

export const catalogueIndicatorSchema = z.object({
  code: z.string().describe('Code de l’indicateur'),
  action: z.number().int().describe('Numéro de l’action'),
  text: z.string().describe('Texte de l’indicateur dans le Plan d’action'),
  kind,
  population,
  direction,
  provenance: z.string().nullable().describe('D’où vient la valeur quand elle n’est pas calculée des réponses ; sinon null'),
  derivedFrom: z
    .enum(['report_on_time', 'report_reporting_guide'])
    .nullable()
    .describe('Pour 8.1 et 8.2 : lu des rapports (à temps, guide de rapport) plutôt que des réponses ; sinon null'),
});

const statesByAnswer = z
  .object({
    yes: z.array(z.string()).describe('États comptés (code ISO 3166 alpha-3)'),
    no: z.array(z.string()).describe('États non comptés'),
    blank: z.array(z.string()).describe('États sans réponse, réponse non traitée, ou sans rapport'),
  })
  .nullable()
  .describe('États de la population selon leur réponse ; null pour figure et ratio, et pour une année sans données');

export const indicatorYearSchema = z.object({
  year: year.describe('Année de rapport'),
  ...progressShape,
  states: statesByAnswer,
  publication: publicationSchema,
});

export const indicatorDetailResponseSchema = catalogueIndicatorSchema
  .extend({
    ...languageShape,
    baselineYear: z.number().int().describe('Année de référence (2025)'),
    demo: z.boolean().describe('true si les données sont celles de démonstration (fictives)'),
    years: z.array(indicatorYearSchema).describe(`Une entrée par année du plan (${YEARS}), publiée ou non`),
  })
  .describe('Un indicateur : ses champs du catalogue et ses valeurs pour chaque année');

export const catalogueResponseSchema = z
  .object({
    ...languageShape,
    sections: z.array(
      z.object({
        number: z.string().describe('Numéro de la section (chiffre romain)'),
        title: z.string().describe('Titre de la section'),
        actions: z.array(z.number().int()).describe('Numéros de ses actions'),
      }),
    ),
    actions: z.array(
      z.object({
        number: z.number().int().describe('Numéro de l’action'),
        section: z.string().describe('Section de l’action'),
        text: z.string().describe('Texte de l’action'),
        lead: z.string().nullable().describe('Identifiant du mécanisme chef de file, ou null'),
        contributing: z.array(z.string()).describe('Identifiants des mécanismes contributeurs'),
        indicators: z.array(catalogueIndicatorSchema).describe('Indicateurs de l’action'),
      }),
    ),
    mechanisms: z.array(
      z.object({
        id: z.string().describe('Identifiant du mécanisme (comité), par exemple article5'),
        name: z.string().describe('Nom du mécanisme'),
        mandate: z.string().describe('Mandat'),
        lead: z.array(z.number().int()).describe('Actions dont il est chef de file'),
        contributing: z.array(z.number().int()).describe('Actions auxquelles il contribue'),
      }),
    ),
    populations: z.array(
      z.object({
        key: z.string().describe('Clé de la population (party, affected…), celle du champ population des indicateurs'),
        name: z.string().describe('Nom de la population'),
        description: z.string().describe('Qui en fait partie'),
      }),
    ),
  })
  .describe('Le catalogue du Plan d’action : sections, actions, indicateurs, mécanismes et populations, dans la langue demandée');

export const stateFlagSchema = z.object({
  code: z
    .enum(['no-report-two-years'])
    .describe('Alerte : no-report-two-years (obligations au titre des articles 3, 4 ou 5 et aucun rapport deux années de suite)'),
  action: z.number().int().describe('Action du Plan d’action concernée'),
  years: z.array(z.number().int()).describe('Années sans rapport'),
  message: z.string().describe('L’alerte en français'),
});

const nameSource = z
  .enum(['registry', 'iso'])
  .describe(
    'Source du nom : registry (nom officiel du registre, en français et en anglais), iso (nom d’i18n-iso-countries, d’après CLDR, pour l’espagnol que le registre n’a pas)',
  );

export const stateSchema = z.object({
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('Code ISO 3166 alpha-3'),
  name: z.string().describe('Nom dans la langue de la réponse (lang ; français par défaut)'),
  nameSource: nameSource,
  nameEn: z.string().describe('Nom en anglais (registre)'),
  names: z
    .object(
      Object.fromEntries(LOCALES.map((l) => [l, z.object({ name: z.string(), source: nameSource })])) as Record<
        Locale,
        z.ZodObject<{ name: z.ZodString; source: typeof nameSource }>
      >,
    )
    .describe('Le nom dans chaque langue (fr, en, es) et sa source'),
  party: z.boolean().describe('État partie cette année-là'),
  partyFrom: z.string().regex(DAY).nullable().describe('Date d’entrée en vigueur pour l’État (AAAA-MM-JJ), ou null'),
  partyUntil: z.string().regex(DAY).nullable().describe('Date à laquelle l’État a cessé d’être partie (AAAA-MM-JJ), ou null'),
  populations: z.array(z.string()).describe('Populations auxquelles l’État appartient cette année-là (hors yes(X))'),
  report: z
    .object({
      receivedOn: z.string().regex(DAY).describe('Date de réception du rapport (AAAA-MM-JJ)'),
      onTime: z.boolean().describe('Reçu au plus tard le 30 avril de l’année'),
      usedReportingGuide: z.boolean().describe('Le rapport suit le guide de rapport'),
    })
    .nullable()
    .describe('Rapport de l’année, ou null sans rapport'),
  flags: z.array(stateFlagSchema).describe('Alertes précoces (action 47)'),
});

export const statesResponseSchema = z
  .object({
    language: z.enum(LOCALES).describe('Langue des textes (paramètre lang) : fr (par défaut), en ou es'),
    year: year.describe('Année de rapport'),
    demo: z.boolean().describe('true si les données sont celles de démonstration (fictives)'),
    states: z
      .array(stateSchema)
      .describe('Tous les États du registre, par nom dans la langue de la réponse, selon l’ordre alphabétique de cette langue'),
  })
  .describe('Tous les États pour une année');

export const errorResponseSchema = z
  .object({
    error: z.object({
      status: z.number().int().describe('Code HTTP (400, 404…)'),
      message: z.string().describe('Ce qui ne va pas, en français'),
    }),
  })
  .describe('Une erreur');

export type IndicatorSummaryJson = z.infer<typeof indicatorSummarySchema>;
export type IndicatorYearJson = Omit<z.infer<typeof indicatorYearSchema>, 'publication'>;
export type CatalogueIndicatorJson = z.infer<typeof catalogueIndicatorSchema>;
export type StateJson = z.infer<typeof stateSchema>;
export type PublicationJson = z.infer<typeof publicationSchema>;
