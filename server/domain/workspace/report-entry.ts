import type { Catalogue, CatalogueIndicator } from '../catalogue';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import type { AnswerValue } from '../engine/types';
import { editableActions, isAdmin, type Viewer } from '../permissions';
import type { RegistryState } from '../registry';
import { NOTE_MAX, SOURCE_MAX, readBoundedText, readDate, receivedOnProblem } from '../exchange/values';
import { fieldMessage, reasonProblem, type FieldError } from './form';

export type { FieldError } from './form';

/**
 * The data entry form of one (year, State) report, without HTTP: which indicators and populations
 * it offers, what the submitted fields mean against what is stored, the French messages of what is
 * wrong, and who may change what. Everything here is pure; reading and writing is in report-store.ts.
 */

/** What the radio group of an indicator offers: an answer, or none (no row; deletes a stored one). */
export type AnswerChoice = AnswerValue | 'none';
export const ANSWER_CHOICES: readonly AnswerChoice[] = ['yes', 'no', 'blank', 'none'];

export { NOTE_MAX, SOURCE_MAX };

const readSource = readBoundedText(SOURCE_MAX);
const readNote = readBoundedText(NOTE_MAX);

export interface StoredAnswer {
  answer: AnswerValue;
  source: string | null;
  note: string | null;
}

export interface StoredReportRow {
  receivedOn: string;
  usedReportingGuide: boolean;
}

/** What the database holds for a (year, State) report. */
export interface StoredReport {
  report: StoredReportRow | null;
  answers: Map<string, StoredAnswer>;
  /** Entered populations the State belongs to that year. */
  memberships: Set<string>;
}

/** draft, validated, published (docs/method.md#review), or none: nothing entered and not validated. */
export type EntryStatus = 'none' | 'draft' | 'validated' | 'published';

export interface ScopeIndicator {
  indicator: CatalogueIndicator;
  /** False for an answer stored although the State is not in the indicator's population that year. */
  inPopulation: boolean;
}

/** What the form offers for a (year, State). */
export interface EntryScope {
  year: number;
  state: RegistryState;
  party: boolean;
  /** Answerable indicators whose population holds the State, plus any other with a stored answer, in catalogue order. */
  indicators: ScopeIndicator[];
  /** The entered populations (empty for a State not party that year: it can belong to none). */
  enteredPopulations: { key: string; name: string; description: string }[];
  /** The parts of the form, each saved on its own: the report row, the populations, then each section of the plan with indicators offered. */
  sections: EntrySection[];
}

/** A part of the form that can be saved on its own (README.md, « Workspace »). */
export interface EntrySection {
  /** In the address of its anchor and in the `section` field of its save button: `rapport`, `populations`, `section-3`. */
  key: string;
  kind: 'report' | 'populations' | 'answers';
  /** « Rapport », « Populations 2026 », « Section 3. Stockpile destruction ». */
  title: string;
  /** The indicator codes it holds (answers only). */
  codes: string[];
}

export const REPORT_SECTION = 'rapport';
export const POPULATIONS_SECTION = 'populations';

/** The source a new answer is given unless the user types another: the State's Article 7 report of the year. */
export const defaultSource = (year: number): string => `Rapport article 7 ${year}`;

/** The populations of a year as the engine computes them (YearPopulations). */
export interface PopulationsOfYear {
  get(key: string, of?: string | null): ReadonlySet<string>;
}

/** Indicators answered by a State (not figures or ratios, not 8.1 and 8.2, which come from the report row). */
export const isAnswerable = (i: CatalogueIndicator): boolean =>
  (i.kind === 'share' || i.kind === 'count') && i.derivedFrom === null && i.population !== null;

export function entryScope(
  catalogue: Catalogue,
  populations: PopulationsOfYear,
  state: RegistryState,
  year: number,
  party: boolean,
  stored: StoredReport,
): EntryScope {
  const indicators: ScopeIndicator[] = [];
  for (const action of catalogue.actions) {
    for (const indicator of action.indicators) {
      if (!isAnswerable(indicator)) continue;
      const ref = indicator.populationRef;
      const inPopulation = ref !== null && populations.get(ref.key, ref.of).has(state.iso3);
      if (inPopulation || stored.answers.has(indicator.code)) indicators.push({ indicator, inPopulation });
    }
  }
  const enteredPopulations = party
    ? catalogue.populations.filter((p) => p.derivation === 'entered').map((p) => ({ key: p.key, name: p.name, description: p.description }))
    : [];
  const sections: EntrySection[] = [{ key: REPORT_SECTION, kind: 'report', title: 'Rapport', codes: [] }];
  if (enteredPopulations.length > 0)
    sections.push({ key: POPULATIONS_SECTION, kind: 'populations', title: `Populations ${year}`, codes: [] });
  for (const section of catalogue.sections) {
    const codes = indicators.filter(({ indicator }) => section.actions.includes(indicator.action)).map(({ indicator }) => indicator.code);
    if (codes.length > 0)
      sections.push({ key: `section-${section.number}`, kind: 'answers', title: `Section ${section.number}. ${section.title}`, codes });
  }
  return { year, state, party, indicators, enteredPopulations, sections };
}

export const reasonRequired = (status: EntryStatus): boolean => status === 'validated' || status === 'published';

/** Why a change to this report needs a reason, or null when it does not. */
export function reasonNeededBecause(status: EntryStatus, year: number, locale: Locale): string | null {
  if (status === 'published') return t(locale, 'values.because.yearPublished', { year });
  return status === 'validated' ? t(locale, 'workspace.entry.whyValidated') : null;
}

/** What the form shows in its fields: the stored values, or what the user typed. */
export interface AnswerInput {
  /** '' when what was submitted is not one of the choices. */
  answer: AnswerChoice | '';
  source: string;
  note: string;
}

export interface EntryValues {
  receivedOn: string;
  /** 'yes', 'no' or '' (nothing chosen, or something that is neither). */
  guide: string;
  populations: Set<string>;
  answers: Map<string, AnswerInput>;
  /** The reason of a save of the whole form. */
  reason: string;
  /** The reason typed beside each section's save button, by section key. */
  sectionReasons: Map<string, string>;
}

export function valuesFromStored(stored: StoredReport, scope: EntryScope): EntryValues {
  const answers = new Map<string, AnswerInput>();
  for (const { indicator } of scope.indicators) answers.set(indicator.code, storedInput(stored.answers.get(indicator.code)));
  return {
    receivedOn: stored.report?.receivedOn ?? '',
    guide: stored.report ? (stored.report.usedReportingGuide ? 'yes' : 'no') : '',
    populations: new Set(stored.memberships),
    answers,
    reason: '',
    sectionReasons: new Map(),
  };
}

const storedInput = (a: StoredAnswer | undefined): AnswerInput =>
  a ? { answer: a.answer, source: a.source ?? '', note: a.note ?? '' } : { answer: 'none', source: '', note: '' };

/** Element ids of the form's fields: error messages and the error summary point at them. */
export const fieldIds = {
  receivedOn: 'received_on',
  guide: 'used_reporting_guide-yes',
  population: (key: string) => `population-${key}`,
  answer: (code: string) => `answer-${code}-yes`,
  source: (code: string) => `source-${code}`,
  note: (code: string) => `note-${code}`,
  reason: 'reason',
  sectionReason: (key: string) => `reason-${key}`,
  section: (key: string) => `partie-${key}`,
};

/** Names of the form's fields (the body is urlencoded, not extended: one flat name per field). */
export const fieldNames = {
  receivedOn: 'received_on',
  guide: 'used_reporting_guide',
  /** Present when the populations' checkboxes were on the form (unchecked boxes send nothing). */
  populationsShown: 'populations',
  population: (key: string) => `population:${key}`,
  answer: (code: string) => `answer:${code}`,
  source: (code: string) => `source:${code}`,
  note: (code: string) => `note:${code}`,
  reason: 'reason',
  sectionReason: (key: string) => `reason:${key}`,
  /** The name of the save buttons: the section saved (absent: the whole form). */
  section: 'section',
  version: 'version',
};

export type ReportChange = { kind: 'insert' | 'update'; row: StoredReportRow } | { kind: 'delete' } | null;

export interface AnswerChange {
  code: string;
  action: number;
  kind: 'insert' | 'update' | 'delete';
  /** The new row (insert, update). */
  row: StoredAnswer | null;
}

/** The rows a save writes: only those that actually change. */
export interface ChangeSet {
  report: ReportChange;
  answers: AnswerChange[];
  addPopulations: string[];
  removePopulations: string[];
}

export const changeCount = (c: ChangeSet): number =>
  (c.report ? 1 : 0) + c.answers.length + c.addPopulations.length + c.removePopulations.length;

/** What the user tried to change, valid or not: for the permission check. */
export interface Touched {
  report: boolean;
  populations: boolean;
  /** Indicator codes. */
  answers: string[];
}

export interface ParsedEntry {
  values: EntryValues;
  errors: FieldError[];
  changes: ChangeSet;
  touched: Touched;
  /** Keys of the sections whose fields differ from what is stored, the saved one included. */
  differing: Set<string>;
}

export interface ParseContext {
  scope: EntryScope;
  stored: StoredReport;
  /** A change to a validated report, or to a report of a published year, needs a reason. */
  status: EntryStatus;
  /** Today (YYYY-MM-DD): a report cannot have been received after it. */
  today: string;
  /**
   * The section saved: the fields of the others are read for what the page shows back, but give no
   * change, no error and no reason to refuse. Null: the whole form.
   */
  only?: EntrySection | null;
  /** The language of the messages (French when not said: the import and the CLI read them so). */
  locale?: Locale;
}

export type FormBody = Record<string, unknown>;

/** A submitted field: its text, or undefined when the browser did not send it (a disabled input). */
function field(body: FormBody, name: string): string | undefined {
  const raw = body[name];
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && typeof raw[0] === 'string') return raw[0];
  return undefined;
}

/** Browsers send textarea line breaks as CRLF; surrounding spaces are not meant. */
const normaliseText = (text: string | null | undefined): string => (text ?? '').replace(/\r\n?/g, '\n').trim();

/**
 * Reads the submitted form against what is stored: what to show back, what is wrong (French,
 * per field), the rows to write, and what the user tried to change. Absent fields (disabled
 * inputs are not submitted) mean « unchanged ».
 */
/** The answer's free-text fields as a refusal names them (« Indicateur 1.1, source : … »). */
const FIELD_LABEL_KEYS = { source: 'workspace.entry.errors.fieldSource', note: 'workspace.entry.errors.fieldNote' } as const;

export function parseEntry(body: FormBody, context: ParseContext): ParsedEntry {
  const { scope, stored } = context;
  const locale = context.locale ?? DEFAULT_LOCALE;
  const values = valuesFromStored(stored, scope);
  const errors: FieldError[] = [];
  const changes: ChangeSet = { report: null, answers: [], addPopulations: [], removePopulations: [] };
  const touched: Touched = { report: false, populations: false, answers: [] };
  const differing = new Set<string>();
  const only = context.only ?? null;
  const active = (key: string) => only === null || only.key === key;
  const sectionOfCode = new Map(scope.sections.flatMap((s) => s.codes.map((code) => [code, s.key] as const)));

  // The report row: date received (empty: no report) and whether the Reporting Guide was used.
  const receivedRaw = field(body, fieldNames.receivedOn);
  if (receivedRaw !== undefined) {
    // A section not saved gives no error: only what it shows back is kept.
    const reportErrorsFrom = errors.length;
    const receivedOn = receivedRaw.trim();
    const guide = (field(body, fieldNames.guide) ?? '').trim();
    values.receivedOn = receivedOn;
    values.guide = guide === 'yes' || guide === 'no' ? guide : '';
    let row: StoredReportRow | null = null;
    let valid = true;
    if (receivedOn !== '') {
      // The rules of the exchange's received_on (../data-kinds.ts): a real day, within the year's bounds.
      const date = readDate(receivedOn);
      // Shown again as ISO: a date field holds no other writing.
      if (date.ok) values.receivedOn = date.value;
      const problem = date.ok ? receivedOnProblem(date.value, scope.year, context.today) : date.problem;
      if (problem !== null) {
        valid = false;
        errors.push({ field: fieldIds.receivedOn, message: fieldMessage(t(locale, 'workspace.entry.receivedOn'), problem, locale) });
      }
      if (values.guide === '') {
        valid = false;
        errors.push({
          field: fieldIds.guide,
          message: t(locale, 'workspace.entry.errors.guide'),
        });
      }
      // Stored as the ISO date the rule reads, whichever writing was typed (30/04/2026 or 2026-04-30).
      row = { receivedOn: date.ok ? date.value : receivedOn, usedReportingGuide: values.guide === 'yes' };
    } else {
      // Without a date there is no report: a choice left on the Guide's radios means nothing.
      values.guide = '';
    }
    const before = stored.report;
    const differs =
      (before === null) !== (row === null) ||
      (before !== null && row !== null && (before.receivedOn !== row.receivedOn || before.usedReportingGuide !== row.usedReportingGuide));
    if (differs) differing.add(REPORT_SECTION);
    if (!active(REPORT_SECTION)) errors.splice(reportErrorsFrom);
    else if (differs) {
      touched.report = true;
      if (valid) changes.report = row === null ? { kind: 'delete' } : { kind: before ? 'update' : 'insert', row };
    }
  }

  // Populations: only when their checkboxes were on the form (unchecked boxes send nothing).
  if (field(body, fieldNames.populationsShown) !== undefined && scope.enteredPopulations.length > 0) {
    const chosen = new Set(
      scope.enteredPopulations.map((p) => p.key).filter((key) => field(body, fieldNames.population(key)) !== undefined),
    );
    values.populations = chosen;
    const add = [...chosen].filter((key) => !stored.memberships.has(key));
    const remove = [...stored.memberships].filter((key) => !chosen.has(key));
    if (add.length + remove.length > 0) differing.add(POPULATIONS_SECTION);
    if (active(POPULATIONS_SECTION)) {
      changes.addPopulations = add;
      changes.removePopulations = remove;
      touched.populations = add.length + remove.length > 0;
    }
  }

  // Answers, indicator by indicator.
  for (const { indicator } of scope.indicators) {
    const code = indicator.code;
    const before = stored.answers.get(code);
    const shown = values.answers.get(code)!;
    const answerRaw = field(body, fieldNames.answer(code));
    const sourceRaw = field(body, fieldNames.source(code));
    const noteRaw = field(body, fieldNames.note(code));
    if (answerRaw === undefined && sourceRaw === undefined && noteRaw === undefined) continue;

    const choice =
      answerRaw === undefined ? shown.answer : (ANSWER_CHOICES as readonly string[]).includes(answerRaw) ? (answerRaw as AnswerChoice) : '';
    let source = sourceRaw === undefined ? normaliseText(before?.source) : normaliseText(sourceRaw);
    const note = noteRaw === undefined ? normaliseText(before?.note) : normaliseText(noteRaw);
    // The pre-filled source of an indicator left « pas encore saisi » is no answer's source.
    if (choice === 'none' && note === '' && source === defaultSource(scope.year)) source = '';
    values.answers.set(code, { answer: choice, source, note });

    const differs =
      choice !== (before?.answer ?? 'none') || source !== normaliseText(before?.source) || note !== normaliseText(before?.note);
    const sectionKey = sectionOfCode.get(code) ?? '';
    if (differs) differing.add(sectionKey);
    if (!active(sectionKey)) continue;
    if (differs) touched.answers.push(code);

    let valid = true;
    if (choice === '') {
      valid = false;
      errors.push({
        field: fieldIds.answer(code),
        message: t(locale, 'workspace.entry.errors.answerMissing', { code }),
      });
    } else if (choice === 'none' && (source !== '' || note !== '')) {
      valid = false;
      errors.push({
        field: fieldIds.answer(code),
        message: t(locale, 'workspace.entry.errors.orphanSource', { code }),
      });
    }
    for (const [text, read, id, label] of [
      [source, readSource, fieldIds.source(code), 'source'],
      [note, readNote, fieldIds.note(code), 'note'],
    ] as const) {
      const cell = read(text);
      if (!cell.ok) {
        valid = false;
        errors.push({
          field: id,
          message: fieldMessage(
            t(locale, 'workspace.entry.errors.indicatorField', { code, field: t(locale, FIELD_LABEL_KEYS[label]) }),
            cell.problem,
            locale,
          ),
        });
      }
    }
    if (!valid || !differs) continue;
    const row: StoredAnswer | null =
      choice === 'none' ? null : { answer: choice as AnswerValue, source: source || null, note: note || null };
    changes.answers.push({
      code,
      action: indicator.action,
      kind: row === null ? 'delete' : before ? 'update' : 'insert',
      row,
    });
  }

  // The reason: required for a change to a validated report or a published year. Each section's
  // save button has its own beside it; the whole form's is `reason`.
  for (const section of scope.sections) {
    const typed = field(body, fieldNames.sectionReason(section.key));
    if (typed !== undefined) values.sectionReasons.set(section.key, normaliseText(typed));
  }
  const reason = only === null ? normaliseText(field(body, fieldNames.reason)) : (values.sectionReasons.get(only.key) ?? '');
  values.reason = reason;
  const attempted = touched.report || touched.populations || touched.answers.length > 0;
  const reasonError = reasonProblem(reason, attempted ? reasonNeededBecause(context.status, scope.year, locale) : null, locale);
  if (reasonError) errors.push({ field: reasonFieldId(only), message: reasonError });

  return { values, errors, changes, touched, differing };
}

/** The id of the reason field a save reads: its section's, or the whole form's. */
export const reasonFieldId = (only: EntrySection | null | undefined): string => (only ? fieldIds.sectionReason(only.key) : fieldIds.reason);

/**
 * The section a save button names, null for the whole form (no `section` field, or `tout`), or
 * undefined for a name the form does not have.
 */
export function sectionSaved(body: FormBody, scope: EntryScope): EntrySection | null | undefined {
  const key = field(body, fieldNames.section);
  if (key === undefined || key === '' || key === 'tout') return null;
  return scope.sections.find((s) => s.key === key);
}

/** The mechanisms that may edit the answers of an action, by name (lead first). */
export function editorsOf(catalogue: Catalogue, action: number): string[] {
  const a = catalogue.actions.find((x) => x.number === action);
  if (!a) return [];
  const ids = [...(a.lead ? [a.lead] : []), ...a.contributing];
  return ids.map((id) => catalogue.mechanisms.find((m) => m.id === id)?.name ?? id);
}

/**
 * Why the viewer may not make the changes they tried, or null when they may: observers change
 * nothing; populations are the ISU's (admins'); a member answers only for the actions their
 * mechanisms lead or contribute to. The report row itself is open to any admin or member.
 */
export function forbiddenChange(viewer: Viewer, catalogue: Catalogue, scope: EntryScope, touched: Touched): ForbiddenChange | null {
  if (viewer.role === 'observer') return { code: 'observer' };
  if (isAdmin(viewer)) return null;
  if (touched.populations) return { code: 'populations' };
  const editable = editableActions(viewer, catalogue);
  const actionOf = new Map(scope.indicators.map(({ indicator }) => [indicator.code, indicator.action]));
  const outside = touched.answers.filter((code) => !editable.has(actionOf.get(code) ?? -1));
  return outside.length > 0 ? { code: 'outside', indicators: outside } : null;
}

/** Why a change was refused, worded by presenters/report-entry-view.ts (forbiddenMessage). */
export type ForbiddenChange = { code: 'observer' } | { code: 'populations' } | { code: 'outside'; indicators: string[] };

/** The actions a (year, State) report concerns: those of the indicators answered, and 8 (reporting) when there is a report row. */
export function actionsConcerned(catalogue: Catalogue, stored: StoredReport): Set<number> {
  const actions = new Set<number>();
  for (const code of stored.answers.keys()) {
    const indicator = catalogue.indicatorByCode.get(code);
    if (indicator) actions.add(indicator.action);
  }
  if (stored.report) actions.add(8);
  return actions;
}

export const hasData = (stored: StoredReport): boolean => stored.report !== null || stored.answers.size > 0;
