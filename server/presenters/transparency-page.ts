import type { CatalogueIndicator } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { BASELINE_YEAR, PLAN_YEARS, TARGET_YEAR, type IndicatorResult, type Status } from '../domain/engine/types';
import { reportDueDate } from '../domain/registry';
import type { ReleaseInfo } from '../domain/releases/release';
import { formatDate, formatNumber, formatPercent } from './format';
import { indicatorValueView } from './indicator-view';
import { STATUS_KEYS } from './labels';
import { partyReports, type PartyReports } from './report-map';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { latestReleaseView, releaseView, type ReleaseView } from './release-view';

/** The order statuses are stacked in, from the best news to the absence of a value. */
export const STATUS_ORDER: Status[] = ['improved', 'unchanged', 'worsened', 'changed', 'no-baseline', 'no-data'];

/** Statuses always shown as a column, even at zero; the others only when some indicator has them. */
const ALWAYS_SHOWN = new Set<Status>(['improved', 'unchanged', 'worsened']);

export interface StatusColumn {
  status: Status;
  label: string;
}

export interface ProgressRow {
  id: string;
  label: string;
  href: string;
  /** Number of indicators in the group. */
  total: number;
  /** One count per shown column, in the columns' order. */
  counts: number[];
}

/** What static/js/progress-charts.js draws: one horizontal bar per group, stacked by status. */
export interface ProgressChartData {
  labels: string[];
  series: { status: Status; label: string; values: number[] }[];
}

export interface ProgressGroups {
  id: string;
  caption: string;
  description: string;
  firstColumn: string;
  columns: StatusColumn[];
  rows: ProgressRow[];
  totals: number[];
  total: number;
  chart: ProgressChartData;
  chartLabel: string;
  /** CSS modifier giving the chart a height that fits its number of bars. */
  size: 'tall' | 'short';
}

interface Group {
  id: string;
  label: string;
  href: string;
  indicators: CatalogueIndicator[];
}

/** Counts the indicators of each group by their status in `year`, as a table and the same numbers as a chart. */
function progressGroups(
  results: Map<string, IndicatorResult>,
  groups: Group[],
  meta: Pick<ProgressGroups, 'id' | 'caption' | 'description' | 'firstColumn' | 'chartLabel'>,
  locale: Locale,
): ProgressGroups {
  const byStatus = groups.map((g) => {
    const counts = new Map<Status, number>(STATUS_ORDER.map((s) => [s, 0]));
    for (const i of g.indicators) {
      const status = results.get(i.code)?.status ?? 'no-data';
      counts.set(status, counts.get(status)! + 1);
    }
    return counts;
  });
  const shown = STATUS_ORDER.filter((s) => ALWAYS_SHOWN.has(s) || byStatus.some((c) => c.get(s)! > 0));
  const rows = groups.map((g, i) => ({
    id: g.id,
    label: g.label,
    href: g.href,
    total: g.indicators.length,
    counts: shown.map((s) => byStatus[i]!.get(s)!),
  }));
  const columns = shown.map((status) => ({ status, label: t(locale, STATUS_KEYS[status]) }));
  return {
    ...meta,
    columns,
    rows,
    totals: shown.map((_s, c) => rows.reduce((sum, r) => sum + r.counts[c]!, 0)),
    total: rows.reduce((sum, r) => sum + r.total, 0),
    chart: {
      labels: groups.map((g) => g.label),
      series: columns.map(({ status, label }, c) => ({ status, label, values: rows.map((r) => r.counts[c]!) })),
    },
    size: groups.length > 6 ? 'tall' : 'short',
  };
}

export interface KeyFigures {
  year: number;
  parties: string;
  partiesCount: number;
  /** Reports from States Parties, « 143 / 164 (87,2 %) ». */
  partyReports: string;
  partyReportsCount: number;
  onTime: string;
  onTimeCount: number;
  dueDate: string;
  /** Voluntary reports from States not party that year. */
  voluntaryReports: number;
  /** Share indicators (direction up) at 100 %, out of those with a value; null without any. */
  sharesAtTarget: { reached: number; withValue: number } | null;
  earlyWarnings: number;
}

export interface IndicatorLink {
  code: string;
  text: string;
  valueText: string | null;
  statusText: string | null;
}

export interface SectionLinks {
  number: string;
  title: string;
  indicatorCount: number;
  actions: { number: number; indicators: IndicatorLink[] }[];
}

export interface PublishedYear {
  year: number;
  release: ReleaseView;
  revisions: number;
}

export interface TransparencyPage {
  actionCount: number;
  indicatorCount: number;
  sectionCount: number;
  /** The year visitors land on (docs/method.md#the-default-year), or null before the first publication. */
  year: number | null;
  baselineYear: number;
  targetYear: number;
  /** True when only the baseline is published: no progress can be measured yet. */
  baselineOnly: boolean;
  publishedYears: PublishedYear[];
  publishedYearsText: string;
  keyFigures: KeyFigures | null;
  /** The States Parties of the year by report, which the key figures count and the route's map draws. */
  reportsByTimeliness: PartyReports | null;
  bySection: ProgressGroups | null;
  byCommittee: ProgressGroups | null;
  /** Mechanisms that lead no action (the Coordinating Committee), named under the committee table. */
  withoutLead: { id: string; name: string; contributing: number }[];
  latestRelease: (ReleaseView & { valuesChanged: number; rowsChanged: number }) | null;
  sections: SectionLinks[];
}

/** The release made last, whatever its year (releases are numbered in the order they are made). */
function mostRecentRelease(view: DataView): ReleaseInfo | null {
  let latest: ReleaseInfo | null = null;
  for (const list of view.releases.values()) for (const r of list) if (!latest || r.id > latest.id) latest = r;
  return latest;
}

const ofShare = (n: number, d: number, locale: Locale) =>
  `${formatNumber(n, locale)} / ${formatNumber(d, locale)} (${formatPercent((100 * n) / d, locale)})`;

function keyFigures(view: DataView, year: number, { party, byTimeliness }: PartyReports, locale: Locale): KeyFigures {
  const result = view.engine.year(year);
  const reports = view.engine.reports(year);
  const received = byTimeliness['on-time'].length + byTimeliness.late.length;
  const onTime = byTimeliness['on-time'].length;
  const shares = view.catalogue.actions
    .flatMap((a) => a.indicators)
    .filter((i) => i.kind === 'share' && i.direction === 'up')
    .map((i) => result.indicators.get(i.code)?.value ?? null)
    .filter((v): v is number => v !== null);
  const percent = (n: number, d: number) =>
    d > 0 ? ofShare(n, d, locale) : `${formatNumber(n, locale)} (${t(locale, 'value.notApplicable')})`;
  return {
    year,
    parties: formatNumber(party.size, locale),
    partiesCount: party.size,
    partyReports: percent(received, party.size),
    partyReportsCount: received,
    onTime: percent(onTime, received),
    onTimeCount: onTime,
    dueDate: formatDate(reportDueDate(year), locale),
    voluntaryReports: reports.length - received,
    sharesAtTarget: shares.length ? { reached: shares.filter((v) => v >= 100 - 1e-9).length, withValue: shares.length } : null,
    earlyWarnings: result.flags.size,
  };
}

/**
 * The public entry page (/transparence): the plan in brief, what is published, headline progress of
 * the latest published year by section and by committee, and links to every page. Reads the
 * public view only: its figures are those of the releases.
 */
export function transparencyPage(view: DataView, locale: Locale = DEFAULT_LOCALE): TransparencyPage {
  const { catalogue, engine } = view;
  const indicators = catalogue.actions.flatMap((a) => a.indicators);
  const publishedYears = PLAN_YEARS.filter((y) => view.releases.get(y)?.length).map((y) => ({
    year: y,
    release: latestReleaseView(view.releases, y, locale)!,
    revisions: view.releases.get(y)!.length,
  }));
  // The year visitors land on: a year published early, with few reports, does not take its place
  // (while no published year is complete enough, the latest published one rather than an empty page).
  const year = publishedYears.some((p) => p.year === view.defaultYear) ? view.defaultYear : (publishedYears.at(-1)?.year ?? null);
  const results = year === null ? null : engine.year(year).indicators;
  const baselineOnly = year === BASELINE_YEAR;
  const reports = year === null ? null : partyReports(view, year);

  const sectionsWithActions = catalogue.sections
    .map((s) => ({ section: s, actions: catalogue.actions.filter((a) => a.section === s.number) }))
    .filter((s) => s.actions.length > 0);
  const leaders = catalogue.mechanisms.filter((m) => m.lead.length > 0);
  const measured = results !== null && !baselineOnly;

  const bySection = measured
    ? progressGroups(
        results,
        sectionsWithActions.map(({ section, actions }) => ({
          id: section.number,
          label: `${section.number}. ${section.title}`,
          href: `/sections/${section.number}`,
          indicators: actions.flatMap((a) => a.indicators),
        })),
        {
          id: 'par-section',
          caption: t(locale, 'home.tocCaption', { year }),
          description: t(locale, 'progressGroups.sectionDescription'),
          firstColumn: t(locale, 'home.section'),
          chartLabel: t(locale, 'progressGroups.sectionChart', { year, count: sectionsWithActions.length }),
        },
        locale,
      )
    : null;
  const byCommittee = measured
    ? progressGroups(
        results,
        leaders.map((m) => ({
          id: m.id,
          label: m.name,
          href: `/committees/${m.id}`,
          indicators: catalogue.actions.filter((a) => m.lead.includes(a.number)).flatMap((a) => a.indicators),
        })),
        {
          id: 'par-comite',
          caption: t(locale, 'progressGroups.committeeCaption', { year }),
          description: t(locale, 'progressGroups.committeeDescription'),
          firstColumn: t(locale, 'progressGroups.committeeColumn'),
          chartLabel: t(locale, 'progressGroups.committeeChart', { year, count: leaders.length }),
        },
        locale,
      )
    : null;

  const recent = mostRecentRelease(view);
  const first = recent ? view.releases.get(recent.year)![0]! : null;

  return {
    actionCount: catalogue.actions.length,
    indicatorCount: indicators.length,
    sectionCount: sectionsWithActions.length,
    year,
    baselineYear: BASELINE_YEAR,
    targetYear: TARGET_YEAR,
    baselineOnly,
    publishedYears,
    publishedYearsText: publishedYears.map((p) => p.year).join(', '),
    keyFigures: reports && year !== null ? keyFigures(view, year, reports, locale) : null,
    reportsByTimeliness: reports,
    bySection,
    byCommittee,
    withoutLead: catalogue.mechanisms
      .filter((m) => m.lead.length === 0)
      .map(({ id, name, contributing }) => ({ id, name, contributing: contributing.length })),
    latestRelease:
      recent && first
        ? {
            ...releaseView(recent, first, locale),
            valuesChanged: recent.changes?.values.length ?? 0,
            rowsChanged: (recent.changes?.rows ?? []).reduce((n, r) => n + r.added + r.changed + r.removed, 0),
          }
        : null,
    sections: sectionsWithActions.map(({ section, actions }) => ({
      number: section.number,
      title: section.title,
      indicatorCount: actions.reduce((n, a) => n + a.indicators.length, 0),
      actions: actions.map((a) => ({
        number: a.number,
        indicators: a.indicators.map((i) => {
          const r = results?.get(i.code);
          const value = r ? indicatorValueView(i, r, BASELINE_YEAR, locale) : null;
          return { code: i.code, text: i.text, valueText: value?.valueText ?? null, statusText: value?.statusText ?? null };
        }),
      })),
    })),
  };
}
