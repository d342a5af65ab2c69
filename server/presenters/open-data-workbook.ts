import type ExcelJS from 'exceljs';
import type { Catalogue } from '../domain/catalogue';
import { localizeCatalogue, type LocalizedCatalogue } from '../domain/catalogue-i18n';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { exceljs } from '../domain/exchange/workbook-library';
import {
  INDICATOR_COLUMNS,
  LICENCE,
  lastPublishedAt,
  latestOfEachYear,
  type IndicatorColumn,
  type IndicatorRow,
} from '../domain/releases/open-data';
import type { ReleaseHistory } from '../domain/releases/release';
import { DIRECTION_KEYS, KIND_KEYS, labelsIn } from './labels';
import { indicatorColumnDocs } from './open-data-page';
import { t } from '../i18n/translate';

/** The sheet of the catalogue, after one sheet per published year. */
export const CATALOGUE_SHEET = 'Catalogue';

/** Columns shown as percentages for the share and ratio indicators (their values are 0–100). */
const PERCENT_COLUMNS = new Set<IndicatorColumn>(['value', 'baseline', 'projection2029']);
const PERCENT_FORMAT = '0.0##" %"';
const POINTS_FORMAT = '+0.0##" pts";-0.0##" pts";0" pt"';
const NUMBER_FORMAT = '0.###';

/** « share (pourcentage…) ; count (…) »: the codes of a column with their words in `locale`. */
const codes = (keys: Record<string, string>, locale: Locale) =>
  Object.entries(labelsIn(keys, locale))
    .map(([code, label]) => `${code} (${label})`)
    .join(' ; ');

/** The catalogue sheet's French columns, each with its note in `locale`. */
const catalogueColumns = (locale: Locale) => [
  { name: 'indicator', note: t(locale, 'columns.catalogue.indicator') },
  { name: 'action', note: t(locale, 'columns.catalogue.action') },
  { name: 'section', note: t(locale, 'columns.catalogue.section') },
  { name: 'section_title', note: t(locale, 'columns.catalogue.sectionTitle') },
  { name: 'action_text', note: t(locale, 'columns.catalogue.actionText') },
  { name: 'indicator_text', note: t(locale, 'columns.catalogue.indicatorText') },
  { name: 'kind', note: t(locale, 'columns.catalogue.kind', { codes: codes(KIND_KEYS, locale) }) },
  { name: 'population', note: t(locale, 'columns.catalogue.population') },
  { name: 'direction', note: t(locale, 'columns.catalogue.direction', { codes: codes(DIRECTION_KEYS, locale) }) },
];

/** The languages beside French, whose texts the catalogue sheet gives in columns of their own. */
const OTHER_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
const LANGUAGE_KEYS: Partial<Record<Locale, string>> = { en: 'columns.language.en', es: 'columns.language.es' };
const NOTE_IN: Partial<Record<Locale, string>> = { en: 'columns.noteIn.en', es: 'columns.noteIn.es' };

/**
 * The catalogue's texts in each other language (docs/i18n.md#files): `section_title_en`… and
 * `translation_en`, the row's mark — `unofficial` for the project's own translation, `official` for
 * the Action Plan's text, `untranslated` when a text of the row is still the French one. Notes in `locale`.
 */
function translatedColumns(of: Locale, locale: Locale) {
  const vars = { language: t(locale, LANGUAGE_KEYS[of]!), locale: of };
  return [
    { name: `section_title_${of}`, note: t(locale, 'columns.catalogue.sectionTitleIn', vars) },
    { name: `action_text_${of}`, note: t(locale, 'columns.catalogue.actionTextIn', vars) },
    { name: `indicator_text_${of}`, note: t(locale, 'columns.catalogue.indicatorTextIn', vars) },
    { name: `translation_${of}`, note: t(locale, 'columns.catalogue.translationIn', vars) },
  ];
}

/**
 * The file is the same for every reader (docs/i18n.md#files): each header's note says what the column
 * holds in French, the source, then in English and in Spanish, each introduced in its own language.
 */
function notesInEveryLanguage(columns: (locale: Locale) => { name: string; note: string }[]): { name: string; note: string }[] {
  const byLocale = OTHER_LOCALES.map((locale) => ({ locale, columns: columns(locale) }));
  return columns(DEFAULT_LOCALE).map((column, i) => ({
    name: column.name,
    note: [column.note, ...byLocale.map(({ locale, columns }) => `${t(locale, NOTE_IN[locale]!)} ${columns[i]!.note}`)].join('\n\n'),
  }));
}

const isPercentKind = (kind: IndicatorRow['kind']) => kind === 'share' || kind === 'ratio';

/** A header row, bold, frozen, with a note on each cell saying what the column holds. */
function header(sheet: ExcelJS.Worksheet, columns: readonly { name: string; note: string }[]): void {
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(10, c.name.length + 2) }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  columns.forEach((c, i) => {
    row.getCell(i + 1).note = c.note;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * indicateurs.xlsx: the rows of indicateurs.csv, one sheet per published year (same columns, same
 * values, numbers as numbers, percentages and points formatted), then the catalogue. Its dates are
 * the latest publication's, so that a release always gives the same bytes.
 */
export async function indicatorsWorkbook(catalogue: Catalogue, history: ReleaseHistory, rows: IndicatorRow[]): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  const publishedAt = lastPublishedAt(latestOfEachYear(history));
  const date = new Date(publishedAt ?? 0);
  // The file's properties hold one text each: the source's, French, as indicateurs.json's `title`.
  workbook.creator = t(DEFAULT_LOCALE, 'shareCard.siteName');
  workbook.created = date;
  workbook.modified = date;
  workbook.title = t(DEFAULT_LOCALE, 'openData.jsonTitle');
  workbook.description = `Licence ${LICENCE.name} (${LICENCE.url})`;

  const indicatorHeader = notesInEveryLanguage((locale) => {
    const docs = indicatorColumnDocs(catalogue, locale);
    return INDICATOR_COLUMNS.map((name) => ({ name, note: `${docs[name].meaning}. ${docs[name].values}.` }));
  });
  for (const release of latestOfEachYear(history)) {
    const sheet = workbook.addWorksheet(String(release.year));
    header(sheet, indicatorHeader);
    for (const row of rows.filter((r) => r.year === release.year)) {
      const added = sheet.addRow(INDICATOR_COLUMNS.map((c) => row[c]));
      INDICATOR_COLUMNS.forEach((column, i) => {
        if (typeof row[column] !== 'number') return;
        const cell = added.getCell(i + 1);
        if (column === 'delta' || column === 'cohort_delta') cell.numFmt = isPercentKind(row.kind) ? POINTS_FORMAT : NUMBER_FORMAT;
        else if (PERCENT_COLUMNS.has(column)) cell.numFmt = isPercentKind(row.kind) ? PERCENT_FORMAT : NUMBER_FORMAT;
      });
    }
  }

  const sheet = workbook.addWorksheet(CATALOGUE_SHEET);
  header(
    sheet,
    notesInEveryLanguage((locale) => [...catalogueColumns(locale), ...OTHER_LOCALES.flatMap((of) => translatedColumns(of, locale))]),
  );
  const sections = new Map(catalogue.sections.map((s) => [s.number, s]));
  const translations = OTHER_LOCALES.map((locale) => localizeCatalogue(catalogue, locale));
  for (const action of catalogue.actions) {
    for (const indicator of action.indicators) {
      sheet.addRow([
        indicator.code,
        action.number,
        action.section,
        sections.get(action.section)?.title ?? null,
        action.text,
        indicator.text,
        indicator.kind,
        indicator.population,
        indicator.direction,
        ...translations.flatMap((translated) => translatedCells(translated, action.number, indicator.code)),
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row's texts in a translated catalogue, and their mark (see translatedColumns). */
function translatedCells(translated: LocalizedCatalogue, actionNumber: number, code: string): (string | null)[] {
  const action = translated.actions.find((a) => a.number === actionNumber);
  const section = translated.sections.find((s) => s.number === action?.section);
  const indicator = translated.indicatorByCode.get(code);
  const leftInFrench = [`sections.${action?.section}`, `actions.${actionNumber}`, `indicators.${code}`].some((path) =>
    translated.untranslated.includes(path),
  );
  const mark = translated.translation === 'source' || leftInFrench ? 'untranslated' : translated.translation;
  return [section?.title ?? null, action?.text ?? null, indicator?.text ?? null, mark];
}
