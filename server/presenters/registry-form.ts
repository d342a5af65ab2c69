import { HttpError } from '../http-error';
import { columnOrder, queryText, readSort, readTextFilter, sortColumns, type SortColumn } from './list-query';
import type { AuditEntry } from '../../db/queries/audit';
import { PLAN_YEARS } from '../domain/engine/types';
import { isPartyInYear } from '../domain/registry';
import { REASON_MAX, versionNumber, type FieldError } from '../domain/workspace/form';
import { REGISTRY_FIELDS, type StateEntryState, type StateRow, type StateSubmission } from '../domain/workspace/registry-entry';
import { conflictMessage, lastChangeText } from './form-messages';
import { formatDate, formatDateTime } from './format';
import { byStateName } from '../domain/state-names';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

const dateOrDash = (iso: string | null, locale: Locale) => (iso ? formatDate(iso, locale) : '—');

const yesNo = (value: boolean, locale: Locale) => t(locale, value ? 'workspace.registry.yes' : 'workspace.registry.no');

/** The view model of views/workspace/registry.hbs: every State, by French name. */
/** The registry list's sortable columns (`tri`), with their headings' message keys (full keys: docs/i18n.md#messages). */
const REGISTRY_SORTS: ReadonlyMap<string, SortColumn> = new Map([
  ['etat', { label: 'workspace.registry.columns.state', descending: false }],
  ['code', { label: 'workspace.registry.columns.code', descending: false }],
  ['partie', { label: 'workspace.registry.columns.party', descending: true }],
  ['entree', { label: 'workspace.registry.columns.from', descending: false }],
  ['retrait', { label: 'workspace.registry.columns.until', descending: true }],
  ['modifie', { label: 'workspace.registry.columns.edited', descending: true }],
]);

/** The registry list's filters and sort from the address: `etat` (part of the name or ISO3), `partie` (oui, non), `tri`, `ordre`. */
export function readRegistryQuery(query: Record<string, unknown>, locale: Locale = DEFAULT_LOCALE) {
  const etat = readTextFilter(query, 'etat', t(locale, 'workspace.registry.columns.state'), 60, locale);
  const partie = queryText(query, 'partie');
  if (partie !== '' && partie !== 'oui' && partie !== 'non') {
    throw new HttpError(
      400,
      t(locale, 'lists.invalidFilterTitle'),
      t(locale, 'lists.invalidFilter', {
        field: 'partie',
        value: partie.slice(0, 40),
        choices: t(locale, 'lists.orNothing', { choices: '« oui », « non »' }),
      }),
    );
  }
  return { etat, partie, ...readSort(query, REGISTRY_SORTS, 'etat', locale) };
}
export type RegistryQuery = ReturnType<typeof readRegistryQuery>;

function registryHref(query: RegistryQuery, sort: string, descending: boolean): string {
  const params = new URLSearchParams();
  if (query.etat) params.set('etat', query.etat);
  if (query.partie) params.set('partie', query.partie);
  if (sort !== 'etat') params.set('tri', sort);
  if (descending !== REGISTRY_SORTS.get(sort)!.descending) params.set('ordre', descending ? 'decroissant' : 'croissant');
  const search = params.toString();
  return `/espace/registre${search ? `?${search}` : ''}`;
}

export function registryList(
  rows: StateRow[],
  query: RegistryQuery = { etat: '', partie: '', sort: 'etat', descending: false },
  locale: Locale = DEFAULT_LOCALE,
) {
  const needle = query.etat.toLocaleLowerCase('fr');
  const byName = byStateName<StateRow>('fr', (s) => s.nameFr);
  // Dates as text sort in time order; a missing one sorts first.
  const keys: Record<string, (s: StateRow) => string | number> = {
    code: (s) => s.iso3,
    partie: (s) => (s.party ? 1 : 0),
    entree: (s) => s.partyFrom ?? '',
    retrait: (s) => s.partyUntil ?? '',
    modifie: (s) => s.editedAt ?? '',
  };
  const compare = columnOrder(keys, query, byName);
  const shown = rows
    .filter(
      (s) =>
        (needle === '' || s.nameFr.toLocaleLowerCase('fr').includes(needle) || s.iso3.toLowerCase() === needle) &&
        (query.partie === '' || s.party === (query.partie === 'oui')),
    )
    .sort(compare);
  const states = shown.map((s) => ({
    iso3: s.iso3,
    name: s.nameFr,
    party: yesNo(s.party, locale),
    partyFrom: dateOrDash(s.partyFrom, locale),
    partyUntil: dateOrDash(s.partyUntil, locale),
    edited: s.editedAt ? formatDateTime(s.editedAt, locale) : null,
  }));
  return {
    title: t(locale, 'workspace.registry.title'),
    states,
    count: rows.length,
    partyCount: rows.filter((s) => s.party).length,
    filtered: query.etat !== '' || query.partie !== '',
    etat: query.etat,
    partyOptions: [
      { value: '', label: t(locale, 'workspace.registry.optionAll'), selected: query.partie === '' },
      { value: 'oui', label: t(locale, 'workspace.registry.optionParties'), selected: query.partie === 'oui' },
      { value: 'non', label: t(locale, 'workspace.registry.optionNonParties'), selected: query.partie === 'non' },
    ],
    sort: query.sort,
    descending: query.descending,
    columns: sortColumns(REGISTRY_SORTS, query, (sort, descending) => registryHref(query, sort, descending)).map((column) => ({
      ...column,
      label: t(locale, column.label),
      next: t(locale, column.nextDescending ? 'workspace.registry.descending' : 'workspace.registry.ascending'),
    })),
  };
}

export interface StateFormOptions {
  canEdit: boolean;
  submission?: StateSubmission;
  errors?: FieldError[];
  conflict?: AuditEntry | null;
  /** After a save: whether it changed anything. */
  /** The message after a save (server/middleware/flash.ts). */
  flash?: string | null;
}

/** The view model of views/workspace/registry-state.hbs. */
export function registryStateForm(
  entry: StateEntryState,
  populationName: (key: string) => string,
  options: StateFormOptions,
  locale: Locale = DEFAULT_LOCALE,
) {
  const { state } = entry;
  const errorOf = new Map<string, string>();
  for (const e of options.errors ?? []) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const typed = options.submission;
  const party = typed ? typed.party : state.party ? 'yes' : 'no';

  const byYear = new Map<number, string[]>();
  for (const m of entry.memberships) byYear.set(m.year, [...(byYear.get(m.year) ?? []), populationName(m.population)]);

  const errors: { field?: string; message: string }[] = [];
  let errorTitle: string | null = null;
  if (options.conflict !== undefined) {
    errorTitle = t(locale, 'workspace.figures.conflictTitle');
    errors.push({
      message: conflictMessage(options.conflict, t(locale, 'workspace.registry.changedWhat', { name: state.nameFr }), locale),
    });
  } else {
    errors.push(...(options.errors ?? []));
  }

  const field = (key: 'partyFrom' | 'partyUntil', stored: string | null) => {
    const id = REGISTRY_FIELDS[key];
    return {
      id,
      value: typed ? typed[key] : (stored ?? ''),
      hintId: `${id}-hint`,
      stored: stored ? `${formatDate(stored, locale)} (${stored})` : t(locale, 'workspace.registry.none'),
      errorId: `${id}-error`,
      error: errorOf.get(id) ?? null,
    };
  };

  return {
    title: t(locale, 'workspace.registry.stateTitle', { name: state.nameFr }),
    iso3: state.iso3,
    name: state.nameFr,
    nameEn: state.nameEn,
    canEdit: options.canEdit,
    errors,
    errorTitle,
    flash: options.flash ?? null,
    lastChange: lastChangeText(entry.version, locale),
    edited: state.editedAt ? formatDateTime(state.editedAt, locale) : null,
    party: {
      yes: party === 'yes',
      no: party === 'no',
      stored: yesNo(state.party, locale),
      error: errorOf.get(REGISTRY_FIELDS.party) ?? null,
    },
    partyFrom: field('partyFrom', state.partyFrom),
    partyUntil: field('partyUntil', state.partyUntil),
    years: PLAN_YEARS.map((year) => ({
      year,
      party: isPartyInYear(state, year),
      populations: byYear.get(year)?.join(', ') ?? '—',
    })),
    reasonRequired: entry.anyYearPublished,
    reason: typed?.reason ?? '',
    reasonError: errorOf.get(REGISTRY_FIELDS.reason) ?? null,
    reasonMax: REASON_MAX,
    version: options.conflict !== undefined || !typed ? versionNumber(entry.version) : (typed.version ?? ''),
  };
}

/** What the State's page says after a save. */
export const registrySavedMessage = (name: string, changed: boolean, locale: Locale = DEFAULT_LOCALE): string =>
  changed ? t(locale, 'workspace.registry.saved', { name }) : t(locale, 'workspace.forms.noChange');
