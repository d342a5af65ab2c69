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
import { DIRECTION_LABELS, KIND_LABELS } from './labels';
import { indicatorColumnDocs } from './open-data-page';

/** The sheet of the catalogue, after one sheet per published year. */
export const CATALOGUE_SHEET = 'Catalogue';

/** Columns shown as percentages for the share and ratio indicators (their values are 0–100). */
const PERCENT_COLUMNS = new Set<IndicatorColumn>(['value', 'baseline', 'projection2029']);
const PERCENT_FORMAT = '0.0##" %"';
const POINTS_FORMAT = '+0.0##" pts";-0.0##" pts";0" pt"';
const NUMBER_FORMAT = '0.###';

const CATALOGUE_COLUMNS = [
  { name: 'indicator', note: 'Code de l’indicateur dans le Plan d’action' },
  { name: 'action', note: 'Numéro de l’action à laquelle l’indicateur appartient' },
  { name: 'section', note: 'Section du Plan d’action (chiffre romain)' },
  { name: 'section_title', note: 'Titre de la section' },
  { name: 'action_text', note: 'Texte de l’action' },
  { name: 'indicator_text', note: 'Texte de l’indicateur' },
  {
    name: 'kind',
    note: `Nature de l’indicateur : ${Object.entries(KIND_LABELS)
      .map(([k, l]) => `${k} (${l})`)
      .join(' ; ')}`,
  },
  { name: 'population', note: 'Population d’États servant de dénominateur ; vide pour figure et ratio' },
  {
    name: 'direction',
    note: `Sens du progrès : ${Object.entries(DIRECTION_LABELS)
      .map(([k, l]) => `${k} (${l})`)
      .join(' ; ')}`,
  },
] as const;

/** The languages beside French, whose texts the catalogue sheet gives in columns of their own. */
const OTHER_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'français', en: 'anglais', es: 'espagnol' };

/**
 * The catalogue's texts in each other language (docs/i18n.md#files): `section_title_en`… and
 * `translation_en`, the row's mark — `unofficial` for the project's own translation, `official` for
 * the Action Plan's text, `untranslated` when a text of the row is still the French one.
 */
function translatedColumns(locale: Locale) {
  const language = LANGUAGE_NAMES[locale];
  return [
    { name: `section_title_${locale}`, note: `Titre de la section en ${language} (voir translation_${locale})` },
    { name: `action_text_${locale}`, note: `Texte de l’action en ${language} (voir translation_${locale})` },
    { name: `indicator_text_${locale}`, note: `Texte de l’indicateur en ${language} (voir translation_${locale})` },
    {
      name: `translation_${locale}`,
      note:
        `Statut des textes en ${language} de la ligne : unofficial (traduction non officielle du projet, pas le texte ` +
        'officiel du Plan d’action) ; official (texte officiel) ; untranslated (un texte de la ligne est resté en français)',
    },
  ];
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
  workbook.creator = 'Tableau de bord du Plan d’action de Siem Reap-Angkor';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = 'Valeurs des indicateurs du Plan d’action de Siem Reap-Angkor, par année publiée';
  workbook.description = `Licence ${LICENCE.name} (${LICENCE.url})`;

  const docs = indicatorColumnDocs(catalogue);
  const indicatorHeader = INDICATOR_COLUMNS.map((name) => ({ name, note: `${docs[name].meaning}. ${docs[name].values}.` }));
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
  header(sheet, [...CATALOGUE_COLUMNS, ...OTHER_LOCALES.flatMap(translatedColumns)]);
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
