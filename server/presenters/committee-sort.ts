import type { CatalogueIndicator } from '../domain/catalogue';
import type { Grade, IndicatorResult } from '../domain/engine/types';
import { readSort, type SortColumn } from './list-query';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';

/**
 * A committee's indicators by action (the plan's order) or worst first (`tri=progres`), read from the
 * address with the lists' shared reader (presenters/list-query.ts): an unknown sort is a 400 in the
 * page's language. The labels are message keys.
 */
export const COMMITTEE_SORTS: ReadonlyMap<string, SortColumn> = new Map([
  ['action', { label: 'committee.byAction', descending: false }],
  ['progres', { label: 'committee.worstFirst', descending: false }],
]);

export const COMMITTEE_QUERY = ['year', 'tri', 'ordre'] as const;

export function readCommitteeSort(query: Record<string, unknown>, locale: Locale = DEFAULT_LOCALE) {
  return readSort(query, COMMITTEE_SORTS, 'action', locale);
}

/** `tri` and `ordre` as the address writes them (nothing for the default order). */
export function committeeSortQuery(order: { sort: string; descending: boolean }, yearParam = ''): string {
  const params = new URLSearchParams(yearParam);
  if (order.sort !== 'action') params.set('tri', order.sort);
  if (order.descending !== COMMITTEE_SORTS.get(order.sort)!.descending) params.set('ordre', order.descending ? 'decroissant' : 'croissant');
  return params.toString();
}

/**
 * Worst news first, by graded progress (docs/method.md#graded-progress): moving away from the target,
 * limited progress, acceleration needed, on track, target reached; those that cannot be graded last.
 * The one place that ranks progress for a list.
 */
const RANK: Record<Grade, number> = {
  'moving-away': 0,
  'limited-progress': 1,
  'acceleration-needed': 2,
  'on-track': 3,
  'target-reached': 4,
  'not-comparable': 5,
  'no-target': 6,
};

/** The change since the baseline counted as progress (positive) or regress (negative), whatever the direction. */
const progressOf = (indicator: CatalogueIndicator, r: IndicatorResult | undefined) =>
  r?.delta == null ? 0 : indicator.direction === 'down' ? -r.delta : r.delta;

/** `indicators` worst first (`descending`: best first); ties by the largest fall since 2025, then in the plan's order. */
export function worstFirst<T extends { code: string }>(
  rows: { indicator: CatalogueIndicator; result: IndicatorResult | undefined; row: T }[],
  descending: boolean,
): T[] {
  const planOrder = new Map(rows.map((r, i) => [r.indicator.code, i]));
  const direction = descending ? -1 : 1;
  return [...rows]
    .sort(
      (a, b) =>
        direction *
          (RANK[a.result?.progress ?? 'not-comparable'] - RANK[b.result?.progress ?? 'not-comparable'] ||
            progressOf(a.indicator, a.result) - progressOf(b.indicator, b.result)) ||
        planOrder.get(a.indicator.code)! - planOrder.get(b.indicator.code)!,
    )
    .map((r) => r.row);
}
