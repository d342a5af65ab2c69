import type { CatalogueIndicator } from '../domain/catalogue';
import type { IndicatorResult } from '../domain/engine/types';
import { formatNumber, formatPercent, formatSigned } from './format';
import { gradeView, likeForLikeView, type GradeView, type LikeForLikeView } from './grade-view';
import { STATUS_LABELS } from './labels';
import { sparkline, type Sparkline } from './sparkline';

/** How one indicator's value for one year reads on a page. */
export interface IndicatorValueView {
  /** « 15 / 33 (45,5 %) », « 12 », « sans objet »… */
  valueText: string;
  /** Why there is no value, when there is none. */
  noValueReason: string | null;
  /** « +5,2 points depuis 2025 », or null without a comparison. */
  deltaText: string | null;
  /** ▲ ▼ or ▬: the direction of the change, never alone (the status says it in words). */
  arrow: string;
  status: IndicatorResult['status'];
  statusText: string;
  /** « 30 / 33 ont répondu (90,9 %) » for shares and counts. */
  coverageText: string | null;
  percent: string | null;
  /** Graded progress towards the 2029 target, in a word and an icon. */
  grade: GradeView;
  /** A share's change among the States in the population both years; null for other kinds and for 2025. */
  likeForLike: LikeForLikeView | null;
}

const isPercentKind = (kind: CatalogueIndicator['kind']) => kind === 'share' || kind === 'ratio';

export function formatValue(kind: CatalogueIndicator['kind'], value: number): string {
  return isPercentKind(kind) ? formatPercent(value) : formatNumber(value);
}

function noValueReason(indicator: CatalogueIndicator, r: IndicatorResult): string {
  if (r.states === null && (indicator.kind === 'share' || indicator.kind === 'count')) return 'aucune donnée pour cette année';
  if (indicator.kind === 'ratio' && r.denominator === 0) return 'sans objet : dénominateur nul';
  if (indicator.kind === 'figure' || indicator.kind === 'ratio') return 'aucun chiffre enregistré pour cette année';
  return 'sans objet : population vide cette année';
}

/**
 * « 15 / 33 (45,5 %) », « 12 sur 33 », « 12 », or why there is none: « sans objet » when the
 * population was known and empty (`computed`: the engine had data for the year), else « pas de données ».
 */
export function formatIndicatorValue(
  kind: CatalogueIndicator['kind'],
  r: Pick<IndicatorResult, 'value' | 'numerator' | 'denominator'>,
  computed: boolean,
): string {
  if (r.value === null) return computed || (kind === 'ratio' && r.denominator === 0) ? 'sans objet' : 'pas de données';
  if (kind === 'share' || kind === 'ratio') {
    return `${formatNumber(r.numerator ?? 0)} / ${formatNumber(r.denominator ?? 0)} (${formatPercent(r.value)})`;
  }
  if (kind === 'count') return `${formatNumber(r.value)} sur ${formatNumber(r.denominator ?? 0)}`;
  return formatNumber(r.value);
}

export function indicatorValueView(indicator: CatalogueIndicator, r: IndicatorResult, baselineYear: number): IndicatorValueView {
  const unit = isPercentKind(indicator.kind) ? 'points' : '';
  const valueText = formatIndicatorValue(indicator.kind, r, r.states !== null);
  const coverage =
    r.answered !== null && r.denominator !== null && r.denominator > 0
      ? `${formatNumber(r.answered)} / ${formatNumber(r.denominator)} ont répondu (${formatPercent((100 * r.answered) / r.denominator)})`
      : null;
  return {
    valueText,
    noValueReason: r.value === null ? noValueReason(indicator, r) : null,
    deltaText: r.delta === null || r.year === baselineYear ? null : `${formatSigned(r.delta, unit)} depuis ${baselineYear}`,
    arrow: r.delta === null || r.year === baselineYear ? '' : r.delta > 1e-9 ? '▲' : r.delta < -1e-9 ? '▼' : '▬',
    status: r.status,
    // The baseline is compared with nothing: say so rather than « inchangé ».
    statusText: r.year === baselineYear && r.value !== null ? 'année de référence' : STATUS_LABELS[r.status],
    coverageText: coverage,
    percent: r.value !== null && isPercentKind(indicator.kind) ? formatPercent(r.value) : null,
    grade: gradeView(r.progress),
    likeForLike: likeForLikeView(r),
  };
}

export interface IndicatorRowView extends IndicatorValueView {
  code: string;
  text: string;
  action: number;
  provenance: string | null;
  trend: Sparkline;
}

/** An indicator as the overview, section, action and committee pages list it. */
export function indicatorRowView(
  indicator: CatalogueIndicator,
  years: IndicatorResult[],
  year: number,
  baselineYear: number,
): IndicatorRowView {
  const current = years.find((r) => r.year === year)!;
  return {
    code: indicator.code,
    text: indicator.text,
    action: indicator.action,
    provenance: indicator.provenance,
    ...indicatorValueView(indicator, current, baselineYear),
    trend: sparkline(
      years.map((r) => ({ year: r.year, value: r.value })),
      isPercentKind(indicator.kind) ? 100 : null,
      (v) => formatValue(indicator.kind, v),
      year,
    ),
  };
}
