import type { CatalogueIndicator, CataloguePopulation } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { EARLY_WARNING_ACTION } from '../domain/engine/flags';
import { OBLIGATION_POPULATIONS } from '../domain/engine/populations';
import { NOTICEABLE_POINTS } from '../domain/engine/like-for-like';
import { ACCELERATION_RATIO, ON_TRACK_RATIO, target } from '../domain/engine/progress';
import { BASELINE_YEAR, GRADES, PLAN_YEARS, TARGET_YEAR, type IndicatorKind, type Status } from '../domain/engine/types';
import { reportDueDate } from '../domain/registry';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { formatDate, formatExactNumber, formatNumber, formatPercent, formatSigned } from './format';
import { formatValue, indicatorValueView } from './indicator-view';
import { gradeView, overallGradeCounts, type GradeCounts, type GradeView } from './grade-view';
import { KIND_KEYS, labelsIn, STATUS_KEYS } from './labels';
import { latestReleaseView, type ReleaseView } from './release-view';
import { STATUS_ORDER } from './transparency-page';

const DERIVATION_KEYS: Record<CataloguePopulation['derivation'], string> = {
  registry: 'methodology.derivation.registry',
  entered: 'methodology.derivation.entered',
  union: 'methodology.derivation.union',
  answers: 'methodology.derivation.answers',
};

export interface PopulationRow {
  key: string;
  name: string;
  description: string;
  derivation: string;
  /** Indicators whose denominator this population is. */
  indicators: { code: string }[];
  /** One size per published year, in the columns' order. */
  sizes: string[];
}

export interface YesPopulationRow {
  /** The indicator computed over yes(of). */
  code: string;
  of: string;
  sizes: string[];
}

export interface IndicatorRef {
  code: string;
  text: string;
}

export interface WorkedExample {
  code: string;
  year: number;
  text: string;
  n: string;
  N: string;
  answered: string;
  valueText: string;
  coverageText: string | null;
  baselineText: string | null;
  deltaText: string | null;
  statusText: string;
  projectionText: string | null;
}

export interface MethodologyPage {
  baselineYear: number;
  targetYear: number;
  /** The plan's years, « 2025, 2026, 2027, 2028 et 2029 ». */
  planYearsText: string;
  publishedYears: { year: number; release: ReleaseView; revisions: number }[];
  latestYear: number | null;
  dueDateExample: string;
  indicatorCount: number;
  populations: PopulationRow[];
  yesPopulations: YesPopulationRow[];
  kinds: { kind: IndicatorKind; label: string; count: number; codes: string[] }[];
  recorded: { figures: string[]; ratios: string[] };
  downCodes: string[];
  neutralCodes: string[];
  shareUpCount: number;
  withoutTarget: number;
  statuses: { status: Status; label: string }[];
  /** Graded progress: each grade, its thresholds, and the plan's indicators counted by grade in the latest published year. */
  grading: {
    grades: GradeView[];
    onTrack: string;
    acceleration: string;
    noticeablePoints: string;
    counts: GradeCounts | null;
  };
  derivedFromReports: (IndicatorRef & { how: string })[];
  provenance: (IndicatorRef & { provenance: string })[];
  obligations: { names: string[]; /** « A, B ou C ». */ namesText: string; unionName: string };
  earlyWarning: { action: number; year: number | null; flagged: number };
  example: WorkedExample | null;
  demo: boolean;
}

const DERIVED_HOW_KEYS: Record<NonNullable<CatalogueIndicator['derivedFrom']>, string> = {
  report_on_time: 'methodology.derivedHow.reportOnTime',
  report_reporting_guide: 'methodology.derivedHow.reportingGuide',
};

/** « 2025, 2026 et 2027 », “2025, 2026 and 2027”; `disjunction` for « A, B ou C ». */
function listText(items: (string | number)[], locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  // British English, as format.ts: no comma before the last « and ».
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { style: 'long', type }).format(items.map(String));
}

/** A worked example from the data: the first share of the latest published year with a value, compared with the baseline. */
function workedExample(view: DataView, indicators: CatalogueIndicator[], year: number | null, locale: Locale): WorkedExample | null {
  if (year === null) return null;
  const results = view.engine.year(year).indicators;
  const candidates = indicators.filter((i) => i.kind === 'share' && i.derivedFrom === null && !i.population?.startsWith('yes('));
  const indicator =
    candidates.find((i) => {
      const r = results.get(i.code);
      return r?.value != null && r.denominator !== null && r.denominator > 0 && (year === BASELINE_YEAR || r.projection2029 !== null);
    }) ?? null;
  if (!indicator) return null;
  const r = results.get(indicator.code)!;
  const value = indicatorValueView(indicator, r, BASELINE_YEAR, locale);
  const projected = r.projection2029;
  return {
    code: indicator.code,
    year,
    text: indicator.text,
    n: formatNumber(r.numerator ?? 0, locale),
    N: formatNumber(r.denominator ?? 0, locale),
    answered: formatNumber(r.answered ?? 0, locale),
    valueText: value.valueText,
    coverageText: value.coverageText,
    baselineText: year === BASELINE_YEAR || r.baseline === null ? null : formatValue(indicator.kind, r.baseline, locale),
    deltaText: year === BASELINE_YEAR || r.delta === null ? null : formatSigned(r.delta, t(locale, 'value.points'), locale),
    statusText: value.statusText,
    projectionText:
      projected === null
        ? null
        : r.target === null
          ? formatPercent(projected, locale)
          : t(locale, r.reachesTarget ? 'methodology.projectionReaches' : 'methodology.projectionFallsShort', {
              projection: formatPercent(projected, locale),
              target: formatPercent(r.target, locale),
            }),
  };
}

/**
 * /methodologie: how every value is computed, with the sizes and lists read from the catalogue and the
 * published data, in the page's language (its prose is one partial per language, docs/i18n.md#long-texts).
 */
export function methodologyPage(view: DataView, locale: Locale = DEFAULT_LOCALE): MethodologyPage {
  const { catalogue, engine } = view;
  const indicators = catalogue.actions.flatMap((a) => a.indicators);
  const publishedYears = PLAN_YEARS.filter((y) => view.releases.get(y)?.length).map((year) => ({
    year,
    release: latestReleaseView(view.releases, year, locale)!,
    revisions: view.releases.get(year)!.length,
  }));
  const years = publishedYears.map((p) => p.year);
  const latestYear = years.at(-1) ?? null;
  const keyOf = (i: CatalogueIndicator) => i.populationRef?.key ?? null;
  const codes = (filter: (i: CatalogueIndicator) => boolean) => indicators.filter(filter).map((i) => i.code);
  const nameOf = (key: string) => catalogue.populations.find((p) => p.key === key)?.name ?? key;

  const populations = catalogue.populations
    .filter((p) => p.key !== 'yes')
    .map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      derivation: t(locale, DERIVATION_KEYS[p.derivation], { populations: listText(OBLIGATION_POPULATIONS.map(nameOf), locale) }),
      indicators: codes((i) => keyOf(i) === p.key).map((code) => ({ code })),
      sizes: years.map((y) => formatNumber(engine.year(y).populations.get(p.key).size, locale)),
    }));

  const yesPopulations = indicators.flatMap((i) => {
    const ref = i.populationRef;
    if (ref?.key !== 'yes' || ref.of === null) return [];
    const of = ref.of;
    return [{ code: i.code, of, sizes: years.map((y) => formatNumber(engine.year(y).populations.get('yes', of).size, locale)) }];
  });

  const kindLabels = labelsIn(KIND_KEYS, locale);
  const statusLabels = labelsIn(STATUS_KEYS, locale);
  const kinds = (['share', 'count', 'figure', 'ratio'] as const).map((kind) => {
    const list = codes((i) => i.kind === kind);
    return { kind, label: kindLabels[kind], count: list.length, codes: list };
  });

  return {
    baselineYear: BASELINE_YEAR,
    targetYear: TARGET_YEAR,
    planYearsText: listText([...PLAN_YEARS], locale),
    publishedYears,
    latestYear,
    dueDateExample: formatDate(reportDueDate(latestYear ?? BASELINE_YEAR), locale),
    indicatorCount: indicators.length,
    populations,
    yesPopulations,
    kinds,
    recorded: { figures: codes((i) => i.kind === 'figure'), ratios: codes((i) => i.kind === 'ratio') },
    downCodes: codes((i) => i.direction === 'down'),
    neutralCodes: codes((i) => i.direction === 'neutral'),
    shareUpCount: indicators.filter((i) => i.kind === 'share' && target(i.kind, i.direction) === 100).length,
    withoutTarget: indicators.filter((i) => target(i.kind, i.direction) === null).length,
    statuses: STATUS_ORDER.map((status) => ({
      status,
      label: statusLabels[status],
    })),
    grading: {
      grades: GRADES.map((g) => gradeView(g, locale)),
      onTrack: formatExactNumber(ON_TRACK_RATIO, locale),
      acceleration: formatExactNumber(ACCELERATION_RATIO, locale),
      noticeablePoints: formatNumber(NOTICEABLE_POINTS, locale),
      counts: latestYear === null ? null : overallGradeCounts(view, latestYear, locale),
    },
    derivedFromReports: indicators.flatMap((i) =>
      i.derivedFrom ? [{ code: i.code, text: i.text, how: t(locale, DERIVED_HOW_KEYS[i.derivedFrom]) }] : [],
    ),
    provenance: indicators.flatMap((i) => (i.provenance ? [{ code: i.code, text: i.text, provenance: i.provenance }] : [])),
    obligations: {
      names: OBLIGATION_POPULATIONS.map(nameOf),
      namesText: listText(OBLIGATION_POPULATIONS.map(nameOf), locale, 'disjunction'),
      unionName: nameOf('obligations'),
    },
    earlyWarning: {
      action: EARLY_WARNING_ACTION,
      year: latestYear,
      flagged: latestYear === null ? 0 : engine.year(latestYear).flags.size,
    },
    example: workedExample(view, indicators, latestYear, locale),
    demo: view.demo,
  };
}
