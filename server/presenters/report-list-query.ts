import { HttpError } from '../http-error';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { queryText as text, readSort, readTextFilter, type SortColumn } from './list-query';

/**
 * The filters and sort of a year's reports list (/espace/saisie/YEAR), from its address: GET forms
 * and links, no script. A value the list does not know is a 400 with a message (in the page's language) naming the
 * parameter, never a silent default nor a 500.
 */

/** The sortable columns, as they appear in the address (`tri`), their label's message key and their natural direction. */
export const REPORT_SORTS: ReadonlyMap<string, SortColumn> = new Map([
  ['etat', { label: 'reportList.sort.state', descending: false }],
  ['statut', { label: 'reportList.sort.status', descending: false }],
  ['retard', { label: 'reportList.sort.late', descending: true }],
  ['reponses', { label: 'reportList.sort.answers', descending: true }],
  ['manquantes', { label: 'reportList.sort.missing', descending: true }],
  ['alertes', { label: 'reportList.sort.flags', descending: true }],
]);

/** Yes/no filters: only « oui » (or nothing) means something. */
export const REPORT_FLAGS = ['retard', 'manquantes', 'alerte'] as const;
export type ReportFlag = (typeof REPORT_FLAGS)[number];

export interface ReportListQuery {
  /** The `statut` value as written (checked by the caller against STATUS_FILTERS). */
  statut: string | null;
  flags: Set<ReportFlag>;
  /** Part of a State's French name or its ISO3 code. */
  etat: string;
  sort: string;
  descending: boolean;
}

export function readReportListQuery(query: Record<string, unknown>, locale: Locale = DEFAULT_LOCALE): ReportListQuery {
  const flags = new Set<ReportFlag>();
  for (const flag of REPORT_FLAGS) {
    const value = text(query, flag);
    if (value === '') continue;
    if (value !== 'oui')
      throw new HttpError(
        400,
        t(locale, 'lists.invalidFilterTitle'),
        t(locale, 'lists.invalidFilter', {
          field: flag,
          value: value.slice(0, 40),
          choices: t(locale, 'lists.orNothing', { choices: '« oui »' }),
        }),
      );
    flags.add(flag);
  }
  const etat = readTextFilter(query, 'etat', t(locale, 'reportList.sort.state'), 60, locale);
  const { sort, descending } = readSort(query, REPORT_SORTS, 'etat', locale);
  const statut = text(query, 'statut');
  return {
    statut: statut === '' ? null : statut,
    flags,
    etat,
    sort,
    descending,
  };
}

/** The address of the list with these filters and sort (the sort links of the column headers). */
export function reportListHref(year: number, query: ReportListQuery, sort = query.sort, descending = query.descending): string {
  const params = new URLSearchParams();
  if (query.statut) params.set('statut', query.statut);
  for (const flag of query.flags) params.set(flag, 'oui');
  if (query.etat) params.set('etat', query.etat);
  if (sort !== 'etat') params.set('tri', sort);
  if (descending !== REPORT_SORTS.get(sort)!.descending) params.set('ordre', descending ? 'decroissant' : 'croissant');
  const search = params.toString();
  return `/espace/saisie/${year}${search ? `?${search}` : ''}`;
}
