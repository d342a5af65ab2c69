import type { CatalogueIndicator } from '../domain/catalogue';
import type { IndicatorResult } from '../domain/engine/types';
import { formatNumber, formatPercent, formatSigned } from './format';
import { gradeView, likeForLikeView, type GradeView, type LikeForLikeView } from './grade-view';
import { STATUS_KEYS } from './labels';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
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

export function formatValue(kind: CatalogueIndicator['kind'], value: number, locale: Locale = DEFAULT_LOCALE): string {
  return isPercentKind(kind) ? formatPercent(value, locale) : formatNumber(value, locale);
}

function noValueReason(indicator: CatalogueIndicator, r: IndicatorResult, locale: Locale): string {
  if (r.states === null && (indicator.kind === 'share' || indicator.kind === 'count')) return t(locale, 'value.noDataForYear');
  if (indicator.kind === 'ratio' && r.denominator === 0) return t(locale, 'value.zeroDenominator');
  if (indicator.kind === 'figure' || indicator.kind === 'ratio') return t(locale, 'value.noFigure');
  return t(locale, 'value.emptyPopulation');
}

/**
 * « 15 / 33 (45,5 %) », « 12 sur 33 », « 12 », or why there is none: « sans objet » when the
 * population was known and empty (`computed`: the engine had data for the year), else « pas de données ».
 */
export function formatIndicatorValue(
  kind: CatalogueIndicator['kind'],
  r: Pick<IndicatorResult, 'value' | 'numerator' | 'denominator'>,
  computed: boolean,
  locale: Locale = DEFAULT_LOCALE,
): string {
  if (r.value === null) return t(locale, computed || (kind === 'ratio' && r.denominator === 0) ? 'value.notApplicable' : 'value.noData');
  if (kind === 'share' || kind === 'ratio') {
    return t(locale, 'value.share', {
      n: formatNumber(r.numerator ?? 0, locale),
      N: formatNumber(r.denominator ?? 0, locale),
      percent: formatPercent(r.value, locale),
    });
  }
  if (kind === 'count') return t(locale, 'value.count', { n: formatNumber(r.value, locale), N: formatNumber(r.denominator ?? 0, locale) });
  return formatNumber(r.value, locale);
}

export function indicatorValueView(
  indicator: CatalogueIndicator,
  r: IndicatorResult,
  baselineYear: number,
  locale: Locale = DEFAULT_LOCALE,
): IndicatorValueView {
  const unit = isPercentKind(indicator.kind) ? t(locale, 'value.points') : '';
  const valueText = formatIndicatorValue(indicator.kind, r, r.states !== null, locale);
  const coverage =
    r.answered !== null && r.denominator !== null && r.denominator > 0
      ? t(locale, 'value.coverage', {
          answered: formatNumber(r.answered, locale),
          total: formatNumber(r.denominator, locale),
          percent: formatPercent((100 * r.answered) / r.denominator, locale),
        })
      : null;
  return {
    valueText,
    noValueReason: r.value === null ? noValueReason(indicator, r, locale) : null,
    deltaText:
      r.delta === null || r.year === baselineYear
        ? null
        : t(locale, 'value.deltaSince', { delta: formatSigned(r.delta, unit, locale), year: baselineYear }),
    arrow: r.delta === null || r.year === baselineYear ? '' : r.delta > 1e-9 ? '▲' : r.delta < -1e-9 ? '▼' : '▬',
    status: r.status,
    // The baseline is compared with nothing: say so rather than « inchangé ».
    statusText: t(locale, r.year === baselineYear && r.value !== null ? 'labels.status.baselineYear' : STATUS_KEYS[r.status]),
    coverageText: coverage,
    percent: r.value !== null && isPercentKind(indicator.kind) ? formatPercent(r.value, locale) : null,
    grade: gradeView(r.progress, locale),
    likeForLike: likeForLikeView(r, locale),
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
  locale: Locale = DEFAULT_LOCALE,
): IndicatorRowView {
  const current = years.find((r) => r.year === year)!;
  return {
    code: indicator.code,
    text: indicator.text,
    action: indicator.action,
    provenance: indicator.provenance,
    ...indicatorValueView(indicator, current, baselineYear, locale),
    trend: sparkline(
      years.map((r) => ({ year: r.year, value: r.value })),
      isPercentKind(indicator.kind) ? 100 : null,
      (v) => formatValue(indicator.kind, v, locale),
      year,
      locale,
    ),
  };
}
