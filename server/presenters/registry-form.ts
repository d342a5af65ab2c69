import { versionNumber, type AuditEntry } from '../../db/queries/audit';
import { PLAN_YEARS } from '../domain/engine/types';
import { isPartyInYear } from '../domain/registry';
import { REASON_MAX, type FieldError } from '../domain/workspace/form';
import {
  REGISTRY_FIELDS,
  type StateEntryState,
  type StateRow,
  type StateSubmission,
} from '../domain/workspace/registry-entry';
import { conflictMessage, lastChangeText } from './form-messages';
import { formatDate, formatDateTime } from './format';

const dateOrDash = (iso: string | null) => (iso ? formatDate(iso) : '—');

/** The view model of views/workspace/registry.hbs: every State, by French name. */
export function registryList(rows: StateRow[]) {
  const states = rows.map((s) => ({
    iso3: s.iso3,
    name: s.nameFr,
    party: s.party ? 'oui' : 'non',
    partyFrom: dateOrDash(s.partyFrom),
    partyUntil: dateOrDash(s.partyUntil),
    edited: s.editedAt ? formatDateTime(s.editedAt) : null,
  }));
  return {
    title: 'Registre des États',
    states,
    count: states.length,
    partyCount: rows.filter((s) => s.party).length,
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
export function registryStateForm(entry: StateEntryState, populationName: (key: string) => string, options: StateFormOptions) {
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
    errorTitle = 'Enregistrement refusé : modification concurrente';
    errors.push({ message: conflictMessage(options.conflict, `${state.nameFr} a été modifié dans le registre`) });
  } else {
    errors.push(...(options.errors ?? []));
  }

  const field = (key: 'partyFrom' | 'partyUntil', stored: string | null) => {
    const id = REGISTRY_FIELDS[key];
    return {
      id,
      value: typed ? typed[key] : (stored ?? ''),
      hintId: `${id}-hint`,
      stored: stored ? `${formatDate(stored)} (${stored})` : 'aucune',
      errorId: `${id}-error`,
      error: errorOf.get(id) ?? null,
    };
  };

  return {
    title: `Registre : ${state.nameFr}`,
    iso3: state.iso3,
    name: state.nameFr,
    nameEn: state.nameEn,
    canEdit: options.canEdit,
    errors,
    errorTitle,
    flash: options.flash ?? null,
    lastChange: lastChangeText(entry.version),
    edited: state.editedAt ? formatDateTime(state.editedAt) : null,
    party: {
      yes: party === 'yes',
      no: party === 'no',
      stored: state.party ? 'oui' : 'non',
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
export const registrySavedMessage = (name: string, changed: boolean): string =>
  changed ? `Enregistré : le registre est à jour pour ${name}.` : 'Aucune modification : les valeurs saisies étaient déjà enregistrées.';
