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
  type JsonTexts,
  type IndicatorColumn,
} from '../domain/releases/open-data';
import type { ReleaseHistory, ReleaseInfo } from '../domain/releases/release';
import { formatBytes, formatDay, formatNumber } from './format';
import { ANSWER_KEYS, DIRECTION_KEYS, GRADE_KEYS, KIND_KEYS, STATUS_KEYS, labelsIn } from './labels';
import { releaseNoteIn } from './release-note';
import { releaseChangesText, valueChanges, type ValueChangeView } from './release-view';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

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
export function citationText(history: ReleaseHistory, locale: Locale = DEFAULT_LOCALE): string | null {
  const last = lastPublishedAt(latestOfEachYear(history));
  return last === null ? null : t(locale, 'openData.citationText', { date: formatDay(last, locale) });
}

/** indicateurs.json's texts: French, and each other language in `translations`. */
export function indicatorsJsonTexts(history: ReleaseHistory): { texts: JsonTexts; translations: Record<string, JsonTexts> } {
  const texts = (locale: Locale): JsonTexts => ({
    title: t(locale, 'openData.jsonTitle'),
    source: t(locale, 'openData.jsonSource'),
    citation: citationText(history, locale),
  });
  return {
    texts: texts(DEFAULT_LOCALE),
    translations: Object.fromEntries(LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => [l, texts(l)])),
  };
}

const rowsText = (n: number, locale: Locale) => t(locale, 'openData.lines', { count: n, number: formatNumber(n, locale) });

const code = (values: readonly string[]) => values.join(', ');

/** « share : pourcentage… ; count : … »: a column's codes with their words in `locale`. */
const codesWith = (
  keys: Record<string, string>,
  locale: Locale,
  format: 'columns.codeLabel' | 'columns.codeLabelParen',
  separator: string,
) =>
  Object.entries(labelsIn(keys, locale))
    .map(([key, label]) => t(locale, format, { code: key, label }))
    .join(separator);

/** What the columns' documentation may put in: the plan's years. */
const YEAR_VARS = { first: PLAN_YEARS[0], last: TARGET_YEAR, baseline: BASELINE_YEAR, target: TARGET_YEAR };

/** What each column of indicateurs.csv (and of the per-indicator CSV, which uses the same names) means, in `locale`. */
export function indicatorColumnDocs(
  catalogue: Catalogue,
  locale: Locale = DEFAULT_LOCALE,
): Record<IndicatorColumn, Omit<ColumnDoc, 'name'>> {
  const say = (key: string, vars: Record<string, unknown> = {}) => t(locale, key, { ...YEAR_VARS, ...vars });
  const populations = catalogue.populations.filter((p) => p.key !== 'yes').map((p) => p.key);
  const statesList = say('columns.indicator.statesList.values');
  const cohortNumber = say('columns.indicator.cohortNumber.values');
  return {
    year: { meaning: say('columns.indicator.year.meaning'), values: say('columns.values.years') },
    indicator: { meaning: say('columns.indicator.indicator.meaning'), values: say('columns.indicator.indicator.values') },
    action: {
      meaning: say('columns.indicator.action.meaning'),
      values: say('columns.indicator.action.values', { last: catalogue.actions.length }),
    },
    section: {
      meaning: say('columns.indicator.section.meaning'),
      values: code(catalogue.sections.filter((s) => s.actions.length > 0).map((s) => s.number)),
    },
    kind: { meaning: say('columns.indicator.kind.meaning'), values: codesWith(KIND_KEYS, locale, 'columns.codeLabel', ' ; ') },
    population: {
      meaning: say('columns.indicator.population.meaning'),
      values: say('columns.indicator.population.values', { populations: code(populations) }),
    },
    direction: {
      meaning: say('columns.indicator.direction.meaning'),
      values: codesWith(DIRECTION_KEYS, locale, 'columns.codeLabel', ' ; '),
    },
    value: { meaning: say('columns.indicator.value.meaning'), values: say('columns.indicator.value.values') },
    numerator: { meaning: say('columns.indicator.numerator.meaning'), values: say('columns.indicator.numerator.values') },
    denominator: { meaning: say('columns.indicator.denominator.meaning'), values: say('columns.indicator.numerator.values') },
    answered: { meaning: say('columns.indicator.answered.meaning'), values: say('columns.indicator.answered.values') },
    baseline: { meaning: say('columns.indicator.baseline.meaning'), values: say('columns.indicator.baseline.values') },
    delta: { meaning: say('columns.indicator.delta.meaning'), values: say('columns.indicator.delta.values') },
    status: { meaning: say('columns.indicator.status.meaning'), values: codesWith(STATUS_KEYS, locale, 'columns.codeLabelParen', ' ; ') },
    projection2029: { meaning: say('columns.indicator.projection2029.meaning'), values: say('columns.indicator.projection2029.values') },
    progress: {
      meaning: say('columns.indicator.progress.meaning'),
      values: codesWith(GRADE_KEYS, locale, 'columns.codeLabelParen', ' ; '),
    },
    cohort_denominator: {
      meaning: say('columns.indicator.cohortDenominator.meaning'),
      values: say('columns.indicator.cohortDenominator.values'),
    },
    cohort_numerator_2025: { meaning: say('columns.indicator.cohortNumerator2025.meaning'), values: cohortNumber },
    cohort_numerator: { meaning: say('columns.indicator.cohortNumerator.meaning'), values: cohortNumber },
    cohort_delta: { meaning: say('columns.indicator.cohortDelta.meaning'), values: say('columns.indicator.cohortDelta.values') },
    states_entered: { meaning: say('columns.indicator.statesEntered.meaning'), values: statesList },
    states_left: { meaning: say('columns.indicator.statesLeft.meaning'), values: statesList },
    published_at: {
      meaning: say('columns.indicator.publishedAt.meaning'),
      values: say('columns.indicator.publishedAt.values', { publishedAt: say('columns.publishedAt') }),
    },
    revision: { meaning: say('columns.indicator.revision.meaning'), values: say('columns.indicator.revision.values') },
  };
}

function answerColumnDocs(locale: Locale): Record<AnswerColumn, Omit<ColumnDoc, 'name'>> {
  const say = (key: string) => t(locale, key, YEAR_VARS);
  const text = say('columns.values.text');
  return {
    year: { meaning: say('columns.exchange.year'), values: say('columns.values.years') },
    state: { meaning: say('columns.exchange.state'), values: say('columns.values.iso3Example') },
    state_name: { meaning: say('columns.answer.stateName.meaning'), values: text },
    state_name_en: { meaning: say('columns.answer.stateNameEn.meaning'), values: text },
    state_name_es: { meaning: say('columns.answer.stateNameEs.meaning'), values: text },
    indicator: { meaning: say('columns.exchange.indicator'), values: say('columns.answer.indicator.values') },
    answer: { meaning: say('columns.answer.answer.meaning'), values: codesWith(ANSWER_KEYS, locale, 'columns.codeLabelParen', ' ; ') },
    source: { meaning: say('columns.answer.source.meaning'), values: say('columns.values.textOrUnspecified') },
    note: { meaning: say('columns.answer.note.meaning'), values: say('columns.answer.note.values') },
    published_at: { meaning: say('columns.answer.publishedAt.meaning'), values: say('columns.publishedAt') },
    revision: { meaning: say('columns.answer.revision.meaning'), values: say('columns.answer.revision.values') },
  };
}

/** The columns of the exchange files (docs/architecture.md#the-exchange-format), as their descriptors document them, in `locale`. */
export function exchangeColumnDocs(catalogue: Catalogue, kind: ExchangeKind, locale: Locale = DEFAULT_LOCALE): ColumnDoc[] {
  const enteredPopulations = catalogue.populations.filter((p) => p.derivation === 'entered').map((p) => p.key);
  return DATA_KINDS[kind].columns.map(({ name, doc }) => ({
    name,
    meaning: t(locale, doc.meaning, YEAR_VARS),
    values: typeof doc.values === 'string' ? t(locale, doc.values, YEAR_VARS) : doc.values({ enteredPopulations }),
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

/** The /donnees/ page in `locale`: licence, downloads with their columns, and every release of every year. */
export function openDataPage(view: DataView, counts: OpenDataCounts, locale: Locale = DEFAULT_LOCALE) {
  const { catalogue, releases: history } = view;
  const latest = latestOfEachYear(history);
  const publishedAt = lastPublishedAt(latest);
  const dated = { publishedAt, publishedOn: publishedAt === null ? null : formatDay(publishedAt, locale) };
  const indicatorDocs = indicatorColumnDocs(catalogue, locale);
  const indicators = catalogue.indicatorByCode.size;
  const years = latest.map((r) => r.year).join(', ') || t(locale, 'openData.noYears');
  const download = (d: Omit<DownloadView, 'rowsText' | 'publishedOn' | 'publishedAt'> & { rowsText?: string }): DownloadView => ({
    ...d,
    ...dated,
    rowsText: d.rowsText ?? rowsText(d.rows, locale),
  });

  const downloads: DownloadView[] = [
    download({
      id: 'indicateurs-csv',
      name: 'indicateurs.csv',
      href: `${OPEN_DATA_PATH}indicateurs.csv`,
      format: 'CSV',
      description: t(locale, 'openData.indicatorsCsv', { indicators, years, baseline: BASELINE_YEAR, target: TARGET_YEAR }),
      rows: counts.indicatorRows,
      bom: true,
      columns: docsOf(INDICATOR_COLUMNS, indicatorDocs),
    }),
    download({
      id: 'indicateurs-json',
      name: 'indicateurs.json',
      href: `${OPEN_DATA_PATH}indicateurs.json`,
      format: 'JSON',
      description: t(locale, 'openData.indicatorsJson'),
      rows: counts.indicatorRows,
      rowsText: t(locale, 'openData.jsonObjects', { count: counts.indicatorRows, number: formatNumber(counts.indicatorRows, locale) }),
      bom: false,
      columns: docsOf(INDICATOR_COLUMNS, indicatorDocs),
    }),
    download({
      id: 'reponses-csv',
      name: 'reponses.csv',
      href: `${OPEN_DATA_PATH}reponses.csv`,
      format: 'CSV',
      description: t(locale, 'openData.answersCsv'),
      rows: counts.answerRows,
      bom: true,
      columns: docsOf(ANSWER_COLUMNS, answerColumnDocs(locale)),
    }),
  ];

  const perIndicator = {
    id: 'csv-par-indicateur',
    count: catalogue.indicatorByCode.size,
    ...dated,
    rows: PLAN_YEARS.length,
    rowsText: t(locale, 'openData.linesPerFile', { lines: rowsText(PLAN_YEARS.length, locale) }),
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
      format: t(locale, 'openData.exchangeFormat'),
      description: t(locale, DATA_KINDS[kind].description),
      rows: file?.rows ?? 0,
      bom: false,
      columns: exchangeColumnDocs(catalogue, kind, locale),
    });
  });

  const bundles = [
    {
      id: 'indicateurs-xlsx',
      name: 'indicateurs.xlsx',
      href: `${OPEN_DATA_PATH}indicateurs.xlsx`,
      format: t(locale, 'openData.xlsxFormat'),
      description: t(locale, 'openData.xlsx', { years, indicators }),
      size: formatBytes(counts.bundles.xlsx, locale),
      bytes: counts.bundles.xlsx,
    },
    {
      id: 'tout-zip',
      name: 'tout.zip',
      href: `${OPEN_DATA_PATH}tout.zip`,
      format: t(locale, 'openData.zipFormat'),
      description: t(locale, 'openData.zip', { indicators }),
      size: formatBytes(counts.bundles.zip, locale),
      bytes: counts.bundles.zip,
    },
  ].map((b) => ({ ...b, ...dated }));

  return {
    title: t(locale, 'header.openData'),
    bundles,
    licence: LICENCE,
    citation: citationText(history, locale),
    ...dated,
    published: latest.length > 0,
    downloads,
    perIndicator,
    exchange,
    history: releaseHistoryView(catalogue, history, locale),
  };
}

/** Every published year, newest first, each with its revisions newest first. */
export function releaseHistoryView(catalogue: Catalogue, history: ReleaseHistory, locale: Locale = DEFAULT_LOCALE): YearHistoryView[] {
  return [...history.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, revisions]) => ({
      year,
      id: `publication-${year}`,
      latestRevision: revisions.at(-1)?.revision ?? 0,
      revisions: revisions.map((r, i) => revisionView(catalogue, r, i === revisions.length - 1, locale)).reverse(),
    }));
}

function revisionView(catalogue: Catalogue, release: ReleaseInfo, isLatest: boolean, locale: Locale): RevisionView {
  const path = revisionPath(release.year, release.revision);
  const which = { year: release.year, revision: release.revision };
  return {
    year: release.year,
    revision: release.revision,
    publishedOn: formatDay(release.publishedAt, locale),
    publishedAt: release.publishedAt,
    note: releaseNoteIn(release.note, locale),
    isLatest,
    changesText: release.changes ? releaseChangesText(release.changes, locale) : null,
    valueChanges: valueChanges(catalogue, release.changes, locale).map((c) => ({ ...c, href: `/indicators/${c.code}` })),
    files: [
      { href: `${path}indicateurs.csv`, label: t(locale, 'openData.revisionIndicators', which) },
      { href: `${path}reponses.csv`, label: t(locale, 'openData.revisionAnswers', which) },
    ],
  };
}
