import { HttpError } from '../http-error';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * What the workspace's lists share to read their filters and sort from the address (GET forms and
 * links, no script): a value a list does not know is a 400 with a French message naming the
 * parameter (in the page's language), never a silent default nor a 500.
 */

/** A query parameter as one string ('' when absent; the first value when repeated). */
export function queryText(query: Record<string, unknown>, name: string): string {
  const raw = query[name];
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

export interface SortColumn {
  label: string;
  /** The direction a first click sorts in (counts: most first). */
  descending: boolean;
}

/** `tri` (one of `sorts`, `fallback` when absent) and `ordre` (croissant or decroissant, the column's own when absent). */
export function readSort(
  query: Record<string, unknown>,
  sorts: ReadonlyMap<string, SortColumn>,
  fallback: string,
  locale: Locale = DEFAULT_LOCALE,
): { sort: string; descending: boolean } {
  const sort = queryText(query, 'tri') || fallback;
  const column = sorts.get(sort);
  if (!column) {
    throw new HttpError(
      400,
      t(locale, 'lists.invalidSortTitle'),
      t(locale, 'lists.invalidSort', { sort: sort.slice(0, 40), choices: [...sorts.keys()].join(', ') }),
    );
  }
  const order = queryText(query, 'ordre');
  if (order !== '' && order !== 'croissant' && order !== 'decroissant') {
    throw new HttpError(400, t(locale, 'lists.invalidSortTitle'), t(locale, 'lists.invalidOrder', { order: order.slice(0, 40) }));
  }
  return { sort, descending: order === '' ? column.descending : order === 'decroissant' };
}

/**
 * The order a list is shown in: by the chosen column's key (numbers, or text such as ISO dates that
 * sorts in time order), in the chosen direction, then by name; by name alone when the column has no
 * key (the name column itself).
 */
export function columnOrder<T>(
  keys: Readonly<Record<string, (row: T) => string | number>>,
  sort: { sort: string; descending: boolean },
  byName: (a: T, b: T) => number,
): (a: T, b: T) => number {
  const key = keys[sort.sort];
  const direction = sort.descending ? -1 : 1;
  return (a, b) => {
    if (!key) return direction * byName(a, b);
    const x = key(a);
    const y = key(b);
    return direction * (x < y ? -1 : x > y ? 1 : 0) || byName(a, b);
  };
}

/** A text filter (part of a name): at most `max` characters. `label` is the field's name in `locale`. */
export function readTextFilter(
  query: Record<string, unknown>,
  name: string,
  label: string,
  max = 60,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const value = queryText(query, name);
  if ([...value].length > max) {
    throw new HttpError(400, t(locale, 'lists.invalidFilterTitle'), t(locale, 'reportList.textFilterTooLong', { label, max }));
  }
  return value;
}

/** The header links of a sortable table: each sorts by its column, the current one the other way. */
export function sortColumns(
  sorts: ReadonlyMap<string, SortColumn>,
  current: { sort: string; descending: boolean },
  href: (sort: string, descending: boolean) => string,
) {
  return [...sorts].map(([value, column]) => {
    const isCurrent = value === current.sort;
    const descending = isCurrent ? !current.descending : column.descending;
    return {
      value,
      label: column.label,
      current: isCurrent,
      ariaSort: isCurrent ? (current.descending ? 'descending' : 'ascending') : null,
      href: href(value, descending),
      /** The order a click sorts in, for the page to word in its language (lists.sort…). */
      nextDescending: descending,
    };
  });
}
