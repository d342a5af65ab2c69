import type { Catalogue } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { BASELINE_YEAR, PLAN_YEARS, TARGET_YEAR } from '../domain/engine/types';
import { DATA_KINDS, EXCHANGE_KINDS, type ExchangeKind } from '../domain/data-kinds';
import type { ExportFile } from '../domain/exchange/export';
import {
  ANSWER_COLUMNS,
  INDICATOR_COLUMNS,
  LICENCE,
  PER_INDICATOR_COLUMNS,
  lastPublishedAt,
  latestOfEachYear,
  type AnswerColumn,
  type IndicatorColumn,
} from '../domain/releases/open-data';
import type { ReleaseHistory, ReleaseInfo } from '../domain/releases/release';
import { formatBytes, formatDay, formatNumber } from './format';
import { ANSWER_LABELS, DIRECTION_LABELS, GRADE_LABELS, KIND_LABELS, STATUS_LABELS } from './labels';
import { releaseChangesText, valueChanges, type ValueChangeView } from './release-view';

/** Where the open data lives. */
export const OPEN_DATA_PATH = '/donnees/';
export const EXCHANGE_PATH = '/donnees/echange/';

export const revisionPath = (year: number, revision: number) => `/donnees/publications/${year}/revision-${revision}/`;

/** A column as the page documents it. */
export interface ColumnDoc {
  name: string;
  meaning: string;
  values: string;
}

export interface DownloadView {
  /** Also the id of the download's section; its column table is `colonnes-ID`. */
  id: string;
  name: string;
  href: string;
  format: string;
  description: string;
  publishedOn: string | null;
  publishedAt: string | null;
  rows: number;
  rowsText: string;
  bom: boolean;
  columns: ColumnDoc[];
}

export interface RevisionView {
  year: number;
  revision: number;
  publishedOn: string;
  publishedAt: string;
  note: string | null;
  isLatest: boolean;
  changesText: string | null;
  valueChanges: (ValueChangeView & { href: string })[];
  files: { href: string; label: string }[];
}

export interface YearHistoryView {
  year: number;
  id: string;
  latestRevision: number;
  revisions: RevisionView[];
}

/** « Source : tableau de bord du Plan d’action de Siem Reap-Angkor, données publiées le 1er juin 2026. » */
export function citationText(history: ReleaseHistory): string | null {
  const last = lastPublishedAt(latestOfEachYear(history));
  return last === null ? null : `Source : tableau de bord du Plan d’action de Siem Reap-Angkor, données publiées le ${formatDay(last)}.`;
}

const rowsText = (n: number) => (n === 0 ? 'aucune ligne' : `${formatNumber(n)} ligne${n > 1 ? 's' : ''}`) + ' (hors en-tête)';

const code = (values: readonly string[]) => values.join(', ');

const PUBLISHED_AT = 'date et heure (UTC, ISO 8601, par exemple 2026-06-01T09:00:00.000Z)';

/** What each column of indicateurs.csv (and of the per-indicator CSV, which uses the same names) means. */
export function indicatorColumnDocs(catalogue: Catalogue): Record<IndicatorColumn, Omit<ColumnDoc, 'name'>> {
  const populations = catalogue.populations.filter((p) => p.key !== 'yes').map((p) => p.key);
  const statuses = Object.entries(STATUS_LABELS).map(([key, label]) => `${key} (${label})`);
  return {
    year: {
      meaning: `Année de rapport (rapports dus le 30 avril de cette année) ; ${BASELINE_YEAR} est l’année de référence`,
      values: `entier, ${PLAN_YEARS[0]}–${TARGET_YEAR}`,
    },
    indicator: { meaning: 'Code de l’indicateur dans le Plan d’action', values: 'texte, par exemple 1.1, 2, 15.2' },
    action: { meaning: 'Numéro de l’action à laquelle l’indicateur appartient', values: `entier, 1–${catalogue.actions.length}` },
    section: {
      meaning: 'Section du Plan d’action (chiffre romain)',
      values: code(catalogue.sections.filter((s) => s.actions.length > 0).map((s) => s.number)),
    },
    kind: {
      meaning: 'Nature de l’indicateur',
      values: Object.entries(KIND_LABELS)
        .map(([key, label]) => `${key} : ${label}`)
        .join(' ; '),
    },
    population: {
      meaning: 'Population d’États servant de dénominateur',
      values: `${code(populations)} ; yes(X) : États ayant répondu « oui » à l’indicateur X la même année ; vide pour figure et ratio`,
    },
    direction: {
      meaning: 'Sens du progrès',
      values: Object.entries(DIRECTION_LABELS)
        .map(([key, label]) => `${key} : ${label}`)
        .join(' ; '),
    },
    value: {
      meaning: 'Valeur de l’indicateur, non arrondie',
      values:
        'pourcentage de 0 à 100 pour share et ratio ; nombre pour count et figure ; vide : pas de valeur (population vide, « sans objet », ou pas de données)',
    },
    numerator: {
      meaning: 'n : États comptés (réponse « oui ») ; pour ratio, le numérateur enregistré',
      values: 'nombre ; vide pour figure',
    },
    denominator: {
      meaning: 'N : nombre d’États de la population ; pour ratio, le dénominateur enregistré',
      values: 'nombre ; vide pour figure',
    },
    answered: {
      meaning: 'Couverture : États de la population ayant répondu « oui » ou « non »',
      values: 'nombre ; vide pour figure et ratio',
    },
    baseline: {
      meaning: `Valeur de référence : la valeur ${BASELINE_YEAR} publiée`,
      values: `même unité que value ; vide sans valeur ${BASELINE_YEAR}`,
    },
    delta: {
      meaning: `Évolution depuis ${BASELINE_YEAR} : value − baseline`,
      values: 'points de pourcentage pour share et ratio, unités pour count et figure ; vide sans value ou sans baseline',
    },
    status: { meaning: `Progrès par rapport à ${BASELINE_YEAR}, selon le sens du progrès`, values: statuses.join(' ; ') },
    projection2029: {
      meaning: `Projection de la valeur en ${TARGET_YEAR} au rythme observé depuis ${BASELINE_YEAR} (ligne droite, bornée à 0–100 pour un pourcentage)`,
      values: `même unité que value ; vide pour ${BASELINE_YEAR} ou sans baseline`,
    },
    progress: {
      meaning: `Progrès gradué vers la cible ${TARGET_YEAR} : rythme observé depuis ${BASELINE_YEAR} comparé au rythme nécessaire (r = observé / nécessaire ; voir /methodologie#progres-gradue)`,
      values: Object.entries(GRADE_LABELS)
        .map(([key, label]) => `${key} (${label})`)
        .join(' ; '),
    },
    cohort_denominator: {
      meaning: `À population constante (pourcentages seulement) : États de la population à la fois en ${BASELINE_YEAR} et dans l’année (la cohorte ; voir /methodologie#population-constante)`,
      values: `nombre ; vide pour count, figure et ratio, pour ${BASELINE_YEAR}, sans données ou si la cohorte est vide`,
    },
    cohort_numerator_2025: {
      meaning: `États de la cohorte comptés en ${BASELINE_YEAR}`,
      values: 'nombre ; vide comme cohort_denominator',
    },
    cohort_numerator: { meaning: 'États de la cohorte comptés dans l’année', values: 'nombre ; vide comme cohort_denominator' },
    cohort_delta: {
      meaning: 'Évolution à population constante : 100 × (cohort_numerator − cohort_numerator_2025) / cohort_denominator',
      values: 'points de pourcentage ; vide comme cohort_denominator',
    },
    states_entered: {
      meaning: `États entrés dans la population depuis ${BASELINE_YEAR} (dans la population de l’année, pas dans celle de ${BASELINE_YEAR})`,
      values: 'codes ISO 3166 alpha-3 séparés par des espaces ; vide si aucun ou comme cohort_denominator',
    },
    states_left: {
      meaning: `États sortis de la population depuis ${BASELINE_YEAR}`,
      values: 'codes ISO 3166 alpha-3 séparés par des espaces ; vide si aucun ou comme cohort_denominator',
    },
    published_at: {
      meaning: 'Publication (révision) dont vient la valeur',
      values: `${PUBLISHED_AT} ; vide pour une année non publiée (fichier par indicateur)`,
    },
    revision: {
      meaning: 'Numéro de la révision de l’année dont vient la valeur',
      values: 'entier, 1 pour la première publication ; vide pour une année non publiée',
    },
  };
}

function answerColumnDocs(): Record<AnswerColumn, Omit<ColumnDoc, 'name'>> {
  return {
    year: { meaning: 'Année de rapport', values: `entier, ${PLAN_YEARS[0]}–${TARGET_YEAR}` },
    state: { meaning: 'État', values: 'code ISO 3166 alpha-3, par exemple AFG' },
    state_name: { meaning: 'Nom de l’État en français, dans le registre publié avec l’année', values: 'texte' },
    indicator: { meaning: 'Code de l’indicateur', values: 'texte, par exemple 1.1' },
    answer: {
      meaning: 'Réponse de l’État à l’indicateur',
      values: Object.entries(ANSWER_LABELS)
        .map(([key, label]) => `${key} (${label})`)
        .join(' ; '),
    },
    source: { meaning: 'Source de la réponse (rapport, paragraphe, compte rendu de réunion…)', values: 'texte ; vide si non précisée' },
    note: { meaning: 'Note sur la réponse', values: 'texte, éventuellement sur plusieurs lignes ; vide si aucune' },
    published_at: { meaning: 'Publication (révision) dont vient la réponse', values: PUBLISHED_AT },
    revision: { meaning: 'Numéro de la révision de l’année dont vient la réponse', values: 'entier, 1 pour la première publication' },
  };
}

/** The columns of the exchange files (docs/architecture.md#the-exchange-format), as their descriptors document them. */
function exchangeColumnDocs(catalogue: Catalogue, kind: ExchangeKind): ColumnDoc[] {
  const enteredPopulations = catalogue.populations.filter((p) => p.derivation === 'entered').map((p) => p.key);
  return DATA_KINDS[kind].columns.map(({ name, doc }) => ({
    name,
    meaning: doc.meaning,
    values: typeof doc.values === 'string' ? doc.values : doc.values({ enteredPopulations }),
  }));
}

const docsOf = <C extends string>(columns: readonly C[], docs: Record<string, Omit<ColumnDoc, 'name'>>): ColumnDoc[] =>
  columns.map((name) => {
    const doc = docs[name];
    if (!doc) throw new Error(`colonne non documentée : ${name}`);
    return { name, ...doc };
  });

export interface OpenDataCounts {
  indicatorRows: number;
  answerRows: number;
  exchange: ExportFile[];
  /** Sizes of the workbook and of the archive of everything, in bytes. */
  bundles: { xlsx: number; zip: number };
}

/** The /donnees/ page: licence, downloads with their columns, and every release of every year. */
export function openDataPage(view: DataView, counts: OpenDataCounts) {
  const { catalogue, releases: history } = view;
  const latest = latestOfEachYear(history);
  const publishedAt = lastPublishedAt(latest);
  const dated = { publishedAt, publishedOn: publishedAt === null ? null : formatDay(publishedAt) };
  const indicatorDocs = indicatorColumnDocs(catalogue);
  const years = latest.map((r) => r.year).join(', ');
  const download = (d: Omit<DownloadView, 'rowsText' | 'publishedOn' | 'publishedAt'> & { rowsText?: string }): DownloadView => ({
    ...d,
    ...dated,
    rowsText: d.rowsText ?? rowsText(d.rows),
  });

  const downloads: DownloadView[] = [
    download({
      id: 'indicateurs-csv',
      name: 'indicateurs.csv',
      href: `${OPEN_DATA_PATH}indicateurs.csv`,
      format: 'CSV',
      description: `Les ${catalogue.indicatorByCode.size} indicateurs pour chaque année publiée (${years || 'aucune'}) : valeur, n, N, couverture, valeur de référence ${BASELINE_YEAR}, évolution, statut et projection ${TARGET_YEAR}, progrès gradué et, pour les pourcentages, évolution à population constante, tels que publiés (dernière révision de chaque année).`,
      rows: counts.indicatorRows,
      bom: true,
      columns: docsOf(INDICATOR_COLUMNS, indicatorDocs),
    }),
    download({
      id: 'indicateurs-json',
      name: 'indicateurs.json',
      href: `${OPEN_DATA_PATH}indicateurs.json`,
      format: 'JSON',
      description:
        'Les mêmes lignes que indicateurs.csv, typées (nombres, null), dans « rows » ; avec la licence, la citation, « publications » (révision, date et note de la dernière publication de chaque année) et « columns ». Chaque ligne est un objet dont les clés sont les colonnes ci-dessous.',
      rows: counts.indicatorRows,
      rowsText: `${formatNumber(counts.indicatorRows)} objet${counts.indicatorRows > 1 ? 's' : ''} dans « rows », un par ligne de indicateurs.csv`,
      bom: false,
      columns: docsOf(INDICATOR_COLUMNS, indicatorDocs),
    }),
    download({
      id: 'reponses-csv',
      name: 'reponses.csv',
      href: `${OPEN_DATA_PATH}reponses.csv`,
      format: 'CSV',
      description:
        'Toutes les réponses publiées des États aux indicateurs, avec leur source et leur note (dernière révision de chaque année ; rapports validés seulement).',
      rows: counts.answerRows,
      bom: true,
      columns: docsOf(ANSWER_COLUMNS, answerColumnDocs()),
    }),
  ];

  const perIndicator = {
    id: 'csv-par-indicateur',
    count: catalogue.indicatorByCode.size,
    ...dated,
    rows: PLAN_YEARS.length,
    rowsText: `${rowsText(PLAN_YEARS.length)} par fichier : une par année du plan, publiée ou non`,
    columns: docsOf(PER_INDICATOR_COLUMNS, indicatorDocs),
    sections: catalogue.sections
      .filter((s) => s.actions.length > 0)
      .map((s) => ({
        number: s.number,
        title: s.title,
        links: catalogue.actions
          .filter((a) => a.section === s.number)
          .flatMap((a) => a.indicators)
          .map((i) => ({ code: i.code, href: `/indicators/${i.code}/donnees.csv` })),
      })),
  };

  const exchange = EXCHANGE_KINDS.map((kind) => {
    const file = counts.exchange.find((f) => f.kind === kind);
    return download({
      id: `echange-${kind}`,
      name: DATA_KINDS[kind].fileName,
      href: `${EXCHANGE_PATH}${DATA_KINDS[kind].fileName}`,
      format: 'CSV (format d’échange)',
      description: DATA_KINDS[kind].description,
      rows: file?.rows ?? 0,
      bom: false,
      columns: exchangeColumnDocs(catalogue, kind),
    });
  });

  const bundles = [
    {
      id: 'indicateurs-xlsx',
      name: 'indicateurs.xlsx',
      href: `${OPEN_DATA_PATH}indicateurs.xlsx`,
      format: 'Classeur XLSX (Excel, LibreOffice)',
      description: `Les lignes de indicateurs.csv, une feuille par année publiée (${years || 'aucune'}), nombres en cellules numériques, pourcentages formatés, en-têtes figés avec une note par colonne ; et une feuille « Catalogue » des ${catalogue.indicatorByCode.size} indicateurs, leurs textes en français et, dans des colonnes finissant par _en et _es, en anglais et en espagnol, avec pour chaque ligne le statut de la traduction (translation_en, translation_es : unofficial pour la traduction non officielle du projet). Les colonnes des fichiers sont des codes stables, les mêmes dans toutes les langues.`,
      size: formatBytes(counts.bundles.xlsx),
      bytes: counts.bundles.xlsx,
    },
    {
      id: 'tout-zip',
      name: 'tout.zip',
      href: `${OPEN_DATA_PATH}tout.zip`,
      format: 'Archive ZIP',
      description: `Tous les fichiers de cette page en une fois : indicateurs.csv, .json et .xlsx, reponses.csv, les ${catalogue.indicatorByCode.size} fichiers par indicateur, les fichiers du format d’échange et ceux de chaque révision publiée, avec un fichier LISEZMOI.txt qui les décrit.`,
      size: formatBytes(counts.bundles.zip),
      bytes: counts.bundles.zip,
    },
  ].map((b) => ({ ...b, ...dated }));

  return {
    title: 'Données ouvertes',
    bundles,
    licence: LICENCE,
    citation: citationText(history),
    ...dated,
    published: latest.length > 0,
    downloads,
    perIndicator,
    exchange,
    history: releaseHistoryView(catalogue, history),
  };
}

/** Every published year, newest first, each with its revisions newest first. */
export function releaseHistoryView(catalogue: Catalogue, history: ReleaseHistory): YearHistoryView[] {
  return [...history.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, revisions]) => ({
      year,
      id: `publication-${year}`,
      latestRevision: revisions.at(-1)?.revision ?? 0,
      revisions: revisions.map((r, i) => revisionView(catalogue, r, i === revisions.length - 1)).reverse(),
    }));
}

function revisionView(catalogue: Catalogue, release: ReleaseInfo, isLatest: boolean): RevisionView {
  const path = revisionPath(release.year, release.revision);
  const label = `${release.year}, révision ${release.revision}`;
  return {
    year: release.year,
    revision: release.revision,
    publishedOn: formatDay(release.publishedAt),
    publishedAt: release.publishedAt,
    note: release.note,
    isLatest,
    changesText: release.changes ? releaseChangesText(release.changes) : null,
    valueChanges: valueChanges(catalogue, release.changes).map((c) => ({ ...c, href: `/indicators/${c.code}` })),
    files: [
      { href: `${path}indicateurs.csv`, label: `Indicateurs ${label} (CSV)` },
      { href: `${path}reponses.csv`, label: `Réponses ${label} (CSV)` },
    ],
  };
}
