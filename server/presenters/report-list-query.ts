import { HttpError } from '../http-error';
import { queryText as text, readSort, readTextFilter, type SortColumn } from './list-query';

/**
 * The filters and sort of a year's reports list (/espace/saisie/YEAR), from its address: GET forms
 * and links, no script. A value the list does not know is a 400 with a French message naming the
 * parameter, never a silent default nor a 500.
 */

/** The sortable columns, as they appear in the address (`tri`), and their natural direction. */
export const REPORT_SORTS: ReadonlyMap<string, SortColumn> = new Map([
  ['etat', { label: 'État', descending: false }],
  ['statut', { label: 'Statut', descending: false }],
  ['retard', { label: 'En retard', descending: true }],
  ['reponses', { label: 'Réponses', descending: true }],
  ['manquantes', { label: 'Réponses manquantes', descending: true }],
  ['alertes', { label: 'Alertes', descending: true }],
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

export function readReportListQuery(query: Record<string, unknown>): ReportListQuery {
  const flags = new Set<ReportFlag>();
  for (const flag of REPORT_FLAGS) {
    const value = text(query, flag);
    if (value === '') continue;
    if (value !== 'oui')
      throw new HttpError(
        400,
        'Filtre invalide',
        `Le filtre « ${flag} » vaut « oui » ou rien : « ${value.slice(0, 40)} » n’a pas de sens.`,
      );
    flags.add(flag);
  }
  const etat = readTextFilter(query, 'etat', 'État');
  const { sort, descending } = readSort(query, REPORT_SORTS, 'etat');
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
