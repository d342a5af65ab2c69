import type { Db } from '../../../db/client';
import { versionOf, withAudit, type Actor, type AuditEntry } from '../../../db/queries/audit';
import { readStateMemberships, readStateRow, readStateRows, updateStateParty, type StateRow } from '../../../db/queries/registry';
import { anyYearPublished } from '../../../db/queries/releases';
import { partyDatesProblem, readOptionalDate, type Cell } from '../exchange/values';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { isPartyInYear, reportDueDate } from '../registry';
import { fieldMessage, formText, formVersion, reasonProblem, versionNumber, type FieldError } from './form';
import { byStateName, stateName } from '../state-names';

/**
 * Registry dates (docs/method.md#who-is-a-state-party-in-a-year): whether a State is party, the date
 * the Convention entered into force for it and the date its withdrawal took effect. Edited by the
 * Implementation Support Unit; an edited State is marked (`edited_at`) so that reloading the seed
 * leaves it alone.
 */

export type { StateRow };

export interface Membership {
  year: number;
  population: string;
}

/** What the form edits, as the database holds it now. */
export interface StateEntryState {
  state: StateRow;
  /** The State's entered population memberships, by year then population. */
  memberships: Membership[];
  /** A year is published: a change to the registry then needs a reason. */
  anyYearPublished: boolean;
  version: AuditEntry | null;
}

export interface RegistryValues {
  party: boolean;
  partyFrom: string | null;
  partyUntil: string | null;
}

/** What the user typed, as text, so that the form shows it back. */
export interface StateSubmission {
  /** 'yes', 'no', or '' when neither radio was chosen. */
  party: string;
  partyFrom: string;
  partyUntil: string;
  reason: string;
  version: number | null;
}

/** Element ids of the form: the party radio group is reached through its first radio. */
export const REGISTRY_FIELDS = { party: 'party-yes', partyFrom: 'party_from', partyUntil: 'party_until', reason: 'reason' } as const;

/** Every State of the registry, by French name. */
export function readStatesForRegistry(db: Db): StateRow[] {
  return readStateRows(db).sort(byStateName('fr', (s) => s.nameFr));
}

export function readStateEntry(db: Db, iso3: string): StateEntryState | null {
  const state = readStateRow(db, iso3);
  if (!state) return null;
  return {
    state,
    memberships: readStateMemberships(db, iso3),
    anyYearPublished: anyYearPublished(db),
    version: versionOf.state(db, iso3),
  };
}

export function readStateSubmission(body: Record<string, unknown>): StateSubmission {
  return {
    party: formText(body.party).trim(),
    partyFrom: formText(body.party_from).trim(),
    partyUntil: formText(body.party_until).trim(),
    reason: formText(body.reason).trim(),
    version: formVersion(body),
  };
}

/** The rule of the exchange's party_from and party_until (../data-kinds.ts), its message naming the field in `locale`. */
function readDateField(raw: string, label: string, locale: Locale): { ok: true; value: string | null } | { ok: false; message: string } {
  const cell: Cell<string | null> = readOptionalDate(raw);
  return cell.ok ? cell : { ok: false, message: fieldMessage(label, cell.problem, locale) };
}

/** The form's fields as its messages name them (full keys: docs/i18n.md#messages). */
const FIELD_LABELS = {
  party: 'values.fields.party',
  partyFrom: 'values.fields.partyFrom',
  partyUntil: 'values.fields.partyUntil',
} as const;

export type StateCheck = { ok: true; values: RegistryValues } | { ok: false; errors: FieldError[] };

/**
 * Checks the fields on their own: party chosen, dates real and in order, a reason when a year is
 * published. (Population memberships in the way are checked by `saveStateEntry`, against the
 * database as it is at the time of writing.) Messages in `locale`, the member's.
 */
export function checkStateSubmission(entry: StateEntryState, submission: StateSubmission, locale: Locale = DEFAULT_LOCALE): StateCheck {
  const errors: FieldError[] = [];
  const party = submission.party === 'yes' ? true : submission.party === 'no' ? false : null;
  if (party === null) errors.push({ field: REGISTRY_FIELDS.party, message: t(locale, 'values.partyChoose') });
  const from = readDateField(submission.partyFrom, t(locale, FIELD_LABELS.partyFrom), locale);
  if (!from.ok) errors.push({ field: REGISTRY_FIELDS.partyFrom, message: from.message });
  const until = readDateField(submission.partyUntil, t(locale, FIELD_LABELS.partyUntil), locale);
  if (!until.ok) errors.push({ field: REGISTRY_FIELDS.partyUntil, message: until.message });
  const order = from.ok && until.ok ? partyDatesProblem(from.value, until.value) : null;
  if (order) errors.push({ field: REGISTRY_FIELDS.partyUntil, message: fieldMessage(t(locale, FIELD_LABELS.partyUntil), order, locale) });
  const reasonError = reasonProblem(submission.reason, entry.anyYearPublished ? t(locale, 'values.because.registry') : null, locale);
  if (reasonError) errors.push({ field: REGISTRY_FIELDS.reason, message: reasonError });
  if (errors.length > 0 || party === null || !from.ok || !until.ok) return { ok: false, errors };
  return { ok: true, values: { party, partyFrom: from.value, partyUntil: until.value } };
}

/**
 * The memberships that `values` would leave in a year where the State is no longer party (the
 * database refuses such memberships when they are entered, not when the registry changes),
 * as messages beside the field that causes it.
 */
export function orphanedMemberships(
  stateName: string,
  memberships: Membership[],
  values: RegistryValues,
  populationName: (key: string) => string,
  locale: Locale = DEFAULT_LOCALE,
): FieldError[] {
  const byYear = new Map<number, string[]>();
  for (const m of memberships) {
    if (isPartyInYear(values, m.year)) continue;
    byYear.set(m.year, [...(byYear.get(m.year) ?? []), populationName(m.population)]);
  }
  if (byYear.size === 0) return [];
  // Which field makes the State non party that year: « party » itself, or one of the dates.
  const cause = (year: number): keyof typeof REGISTRY_FIELDS => {
    if (!values.party) return 'party';
    if (values.partyFrom !== null && values.partyFrom > reportDueDate(year)) return 'partyFrom';
    return 'partyUntil';
  };
  const groups = new Map<keyof typeof REGISTRY_FIELDS, number[]>();
  for (const year of [...byYear.keys()].sort()) groups.set(cause(year), [...(groups.get(cause(year)) ?? []), year]);
  return [...groups].map(([field, years]) => ({
    field: REGISTRY_FIELDS[field],
    message: t(locale, 'values.orphanedMemberships', {
      label: field === 'reason' ? '' : t(locale, FIELD_LABELS[field]),
      state: stateName,
      count: years.length,
      years: years.join(', '),
      list: years.map((y) => t(locale, 'values.yearPopulations', { year: y, populations: byYear.get(y)!.join(', ') })).join(' ; '),
    }),
  }));
}

export type StateSave =
  { kind: 'saved'; changed: boolean } | { kind: 'conflict'; entry: AuditEntry | null } | { kind: 'invalid'; errors: FieldError[] };

/**
 * Writes the State's registry values in one transaction recorded as `actor`'s, and marks it
 * edited so that the seed no longer overrides it. Refused, with nothing written, when the State
 * changed after version `version`, or when it would leave population memberships in a year
 * where it is no longer party.
 */
export function saveStateEntry(
  db: Db,
  actor: Actor,
  iso3: string,
  version: number | null,
  values: RegistryValues,
  reason: string,
  populationName: (key: string) => string,
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): StateSave {
  return withAudit(
    db,
    actor,
    (tx): StateSave => {
      const entry = readStateEntry(tx, iso3);
      if (!entry) throw new Error(`State ${iso3} vanished`);
      if (version === null || versionNumber(entry.version) !== version) return { kind: 'conflict', entry: entry.version };
      const errors = orphanedMemberships(stateName(entry.state, locale).name, entry.memberships, values, populationName, locale);
      if (errors.length > 0) return { kind: 'invalid', errors };
      const current = entry.state;
      if (current.party === values.party && current.partyFrom === values.partyFrom && current.partyUntil === values.partyUntil) {
        return { kind: 'saved', changed: false };
      }
      updateStateParty(tx, iso3, values, now.toISOString());
      return { kind: 'saved', changed: true };
    },
    { reason, now },
  );
}
