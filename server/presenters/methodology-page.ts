import type { CatalogueIndicator, CataloguePopulation } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { EARLY_WARNING_ACTION } from '../domain/engine/flags';
import { OBLIGATION_POPULATIONS } from '../domain/engine/populations';
import { NOTICEABLE_POINTS } from '../domain/engine/like-for-like';
import { ACCELERATION_RATIO, ON_TRACK_RATIO, target } from '../domain/engine/progress';
import { BASELINE_YEAR, GRADES, PLAN_YEARS, TARGET_YEAR, type IndicatorKind, type Status } from '../domain/engine/types';
import { reportDueDate } from '../domain/registry';
import { formatDate, formatExactNumber, formatNumber, formatPercent, formatSigned } from './format';
import { formatValue, indicatorValueView } from './indicator-view';
import { gradeView, overallGradeCounts, type GradeCounts, type GradeView } from './grade-view';
import { KIND_LABELS, STATUS_LABELS } from './labels';
import { latestReleaseView, type ReleaseView } from './release-view';
import { STATUS_ORDER } from './transparency-page';

const DERIVATION_TEXT: Record<CataloguePopulation['derivation'], string> = {
  registry: 'déduite du registre des États (dates d’entrée en vigueur et de retrait effectif)',
  entered: 'saisie pour chaque année par l’Unité d’appui à l’application',
  union: 'réunion de populations saisies',
  answers: 'déduite des réponses à un autre indicateur',
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
  obligations: { names: string[]; unionName: string };
  earlyWarning: { action: number; year: number | null; flagged: number };
  example: WorkedExample | null;
  demo: boolean;
}

const DERIVED_HOW: Record<NonNullable<CatalogueIndicator['derivedFrom']>, string> = {
  report_on_time: 'oui si le rapport a été reçu au plus tard le 30 avril de l’année, non s’il est arrivé après',
  report_reporting_guide: 'oui si le rapport a suivi le Guide pour l’établissement des rapports, non sinon',
};

/** « 2025, 2026 et 2027 ». */
function frenchList(items: (string | number)[]): string {
  const texts = items.map(String);
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} et ${texts.at(-1)}`;
}

/** A worked example from the data: the first share of the latest published year with a value, compared with the baseline. */
function workedExample(view: DataView, indicators: CatalogueIndicator[], year: number | null): WorkedExample | null {
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
  const value = indicatorValueView(indicator, r, BASELINE_YEAR);
  const projected = r.projection2029;
  return {
    code: indicator.code,
    year,
    text: indicator.text,
    n: formatNumber(r.numerator ?? 0),
    N: formatNumber(r.denominator ?? 0),
    answered: formatNumber(r.answered ?? 0),
    valueText: value.valueText,
    coverageText: value.coverageText,
    baselineText: year === BASELINE_YEAR || r.baseline === null ? null : formatValue(indicator.kind, r.baseline),
    deltaText: year === BASELINE_YEAR || r.delta === null ? null : formatSigned(r.delta, 'points'),
    statusText: value.statusText,
    projectionText:
      projected === null
        ? null
        : `${formatPercent(projected)}${
            r.target === null
              ? ''
              : ` ; la cible implicite (${formatPercent(r.target)}) ${r.reachesTarget ? 'serait' : 'ne serait pas'} atteinte`
          }`,
  };
}

/** /methodologie: how every value is computed, with the sizes and lists read from the catalogue and the published data. */
export function methodologyPage(view: DataView): MethodologyPage {
  const { catalogue, engine } = view;
  const indicators = catalogue.actions.flatMap((a) => a.indicators);
  const publishedYears = PLAN_YEARS.filter((y) => view.releases.get(y)?.length).map((year) => ({
    year,
    release: latestReleaseView(view.releases, year)!,
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
      derivation:
        p.derivation === 'union'
          ? `${DERIVATION_TEXT.union} : ${frenchList(OBLIGATION_POPULATIONS.map(nameOf))}`
          : DERIVATION_TEXT[p.derivation],
      indicators: codes((i) => keyOf(i) === p.key).map((code) => ({ code })),
      sizes: years.map((y) => formatNumber(engine.year(y).populations.get(p.key).size)),
    }));

  const yesPopulations = indicators.flatMap((i) => {
    const ref = i.populationRef;
    if (ref?.key !== 'yes' || ref.of === null) return [];
    const of = ref.of;
    return [{ code: i.code, of, sizes: years.map((y) => formatNumber(engine.year(y).populations.get('yes', of).size)) }];
  });

  const kinds = (['share', 'count', 'figure', 'ratio'] as const).map((kind) => {
    const list = codes((i) => i.kind === kind);
    return { kind, label: KIND_LABELS[kind], count: list.length, codes: list };
  });

  return {
    baselineYear: BASELINE_YEAR,
    targetYear: TARGET_YEAR,
    planYearsText: frenchList([...PLAN_YEARS]),
    publishedYears,
    latestYear,
    dueDateExample: formatDate(reportDueDate(latestYear ?? BASELINE_YEAR)),
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
      label: STATUS_LABELS[status],
    })),
    grading: {
      grades: GRADES.map((g) => gradeView(g)),
      onTrack: formatExactNumber(ON_TRACK_RATIO),
      acceleration: formatExactNumber(ACCELERATION_RATIO),
      noticeablePoints: formatNumber(NOTICEABLE_POINTS),
      counts: latestYear === null ? null : overallGradeCounts(view, latestYear),
    },
    derivedFromReports: indicators.flatMap((i) => (i.derivedFrom ? [{ code: i.code, text: i.text, how: DERIVED_HOW[i.derivedFrom] }] : [])),
    provenance: indicators.flatMap((i) => (i.provenance ? [{ code: i.code, text: i.text, provenance: i.provenance }] : [])),
    obligations: { names: OBLIGATION_POPULATIONS.map(nameOf), unionName: nameOf('obligations') },
    earlyWarning: {
      action: EARLY_WARNING_ACTION,
      year: latestYear,
      flagged: latestYear === null ? 0 : engine.year(latestYear).flags.size,
    },
    example: workedExample(view, indicators, latestYear),
    demo: view.demo,
  };
}
