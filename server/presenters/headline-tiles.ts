import type { CatalogueIndicator } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { BASELINE_YEAR, TARGET_YEAR, type Grade } from '../domain/engine/types';
import { isReportOnTime, reportDueDate } from '../domain/registry';
import { formatDate, formatNumber, formatPercent } from './format';
import { countGrades } from './grade-view';
import { statesHref, type StatesQuery } from './states-page';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * The headline figures of a year as large tiles (issue 18, « content first »): what `/` and
 * `/transparence` show in their first screen, each tile linking to its detail.
 */

export interface TilePart {
  key: string;
  label: string;
  count: number;
}

export interface HeadlineTile {
  id: string;
  label: string;
  /** The big figure: « 143 / 164 », « 7 », « sans objet ». */
  value: string;
  /** What the figure counts, in words, with its percentage when it has one. */
  detail: string;
  /** The other counts of the same population (the progress tile's other statuses). */
  parts: TilePart[];
  href: string;
  /** The link's words: where it leads. */
  linkText: string;
}

export interface HeadlineTiles {
  year: number;
  tiles: HeadlineTile[];
}

/** Where the tiles lead: the page decides (its own table, or the list of States with its filters). */
export interface TileLinks {
  /** The query parameter that keeps the year chosen (« year=2026 » or '') on the links to /states. */
  yearParam: string;
  /** The table of indicators by status on the page. */
  progressHref: string;
}

const share = (n: number, d: number, locale: Locale) => (d > 0 ? formatPercent((100 * n) / d, locale) : t(locale, 'value.notApplicable'));

/** The grades that count as good news on the progress tile: the target reached or on track for it. */
const ON_TRACK: readonly Grade[] = ['target-reached', 'on-track'];

/**
 * The indicators of `year` counted by graded progress (docs/method.md#graded-progress): the one
 * place the tiles read progress from. `headline` is those reaching or on track for the target; the
 * parts are the other grades that some indicator has.
 */
export function progressTally(
  view: DataView,
  year: number,
  indicators: CatalogueIndicator[],
  locale: Locale = DEFAULT_LOCALE,
): { total: number; headline: number; parts: TilePart[] } {
  const results = view.engine.year(year).indicators;
  const counts = countGrades(
    indicators.map((i) => results.get(i.code)?.progress ?? 'not-comparable'),
    locale,
  );
  return {
    total: counts.total,
    headline: counts.grades.filter((g) => ON_TRACK.includes(g.grade)).reduce((n, g) => n + g.count, 0),
    parts: counts.grades
      .filter((g) => !ON_TRACK.includes(g.grade) && g.shown)
      .map((g) => ({ key: g.grade, label: g.label, count: g.count })),
  };
}

/** `/states` with these filters (its own names for them), keeping the year shown. */
const statesList = (filters: Partial<StatesQuery>, yearParam: string) =>
  statesHref({ partie: '', rapport: '', alerte: false, population: '', sort: 'etat', descending: false, ...filters }, yearParam);

export function headlineTiles(
  view: DataView,
  year: number,
  indicators: CatalogueIndicator[],
  links: TileLinks,
  locale: Locale = DEFAULT_LOCALE,
): HeadlineTiles {
  const number = (n: number) => formatNumber(n, locale);
  const result = view.engine.year(year);
  const parties = result.populations.get('party');
  const fromParties = view.engine.reports(year).filter((r) => parties.has(r.state));
  const onTime = fromParties.filter(isReportOnTime).length;
  const progress = progressTally(view, year, indicators, locale);
  const measured = year !== BASELINE_YEAR;
  const warnings = result.flags.size;

  return {
    year,
    tiles: [
      {
        id: 'tuile-rapports',
        label: t(locale, 'headlineTiles.reportsLabel'),
        value: `${number(fromParties.length)} / ${number(parties.size)}`,
        detail: t(locale, 'headlineTiles.reportsDetail', { share: share(fromParties.length, parties.size, locale), year }),
        parts: [],
        href: statesList({ partie: 'oui', rapport: 'manquant' }, links.yearParam),
        linkText: t(locale, 'headlineTiles.reportsLink'),
      },
      {
        id: 'tuile-a-temps',
        label: t(locale, 'headlineTiles.onTimeLabel'),
        value: `${number(onTime)} / ${number(fromParties.length)}`,
        detail: t(locale, 'headlineTiles.onTimeDetail', {
          share: share(onTime, fromParties.length, locale),
          date: formatDate(reportDueDate(year), locale),
        }),
        parts: [],
        href: statesList({ partie: 'oui', rapport: 'en-retard' }, links.yearParam),
        linkText: t(locale, 'headlineTiles.onTimeLink'),
      },
      {
        id: 'tuile-progres',
        label: t(locale, 'headlineTiles.progressLabel', { year: TARGET_YEAR }),
        value: measured ? `${number(progress.headline)} / ${number(progress.total)}` : t(locale, 'value.notApplicable'),
        detail: measured
          ? t(locale, 'headlineTiles.progressDetail', { share: share(progress.headline, progress.total, locale) })
          : t(locale, 'headlineTiles.progressBaseline', { year }),
        parts: measured ? progress.parts : [],
        href: links.progressHref,
        linkText: t(locale, 'headlineTiles.progressLink'),
      },
      {
        id: 'tuile-alertes',
        label: t(locale, 'headlineTiles.warningsLabel'),
        value: number(warnings),
        detail: t(locale, 'headlineTiles.warningsDetail', { count: warnings }),
        parts: [],
        href: statesList({ alerte: true }, links.yearParam),
        linkText: t(locale, 'headlineTiles.warningsLink'),
      },
    ],
  };
}
