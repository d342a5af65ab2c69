import { actorName } from './audit-actor';
import { changedBy, conflictMessage } from './form-messages';
import type { Catalogue } from '../domain/catalogue';
import type { AuditEntry } from '../../db/queries/audit';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { canValidate, canWrite, editableActions, isAdmin, type Viewer } from '../domain/permissions';
import { isPartyInYear } from '../domain/registry';
import { pairKey } from '../domain/review';
import {
  actionsConcerned,
  defaultSource,
  editorsOf,
  fieldIds,
  fieldNames,
  reasonNeededBecause,
  reasonRequired,
  type EntrySection,
  type AnswerChoice,
  type AnswerInput,
  type EntryStatus,
  type EntryValues,
  type FieldError,
  type ForbiddenChange,
  type StoredAnswer,
  type StoredReport,
} from '../domain/workspace/report-entry';
import type { ReportEntry } from '../domain/workspace/report-store';
import { errorFor } from '../domain/workspace/form';
import { formatDate, formatDateTime } from './format';
import { populationLabel } from './labels';
import { t } from '../i18n/translate';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { translator, type Translate } from '../i18n/translate';
import { ANSWER_KEYS, REPORT_STATUS_KEYS } from './workspace-labels';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { receivedSummary } from './report-view';
import { flagMessage } from './flag-view';
import { REPORT_SORTS, reportListHref, type ReportListQuery } from './report-list-query';
import { sortColumns } from './list-query';
import { actionsOfMechanisms, isLate, missingAnswers } from '../domain/workspace/committee-work';
import { byStateName, stateName } from '../domain/state-names';

/** The statuses in the order the list counts them. */
const STATUSES: readonly EntryStatus[] = ['none', 'draft', 'validated', 'published'];

const STATUS_BADGES: Record<EntryStatus, string> = {
  none: 'badge--none',
  draft: 'badge--draft',
  validated: 'badge--validated',
  published: 'badge--published',
};

/** The `statut` filter of the year's list, as it appears in the address. */
/**
 * The `statut` filter's values. A Map, not an object: a value from the address such as `toString`
 * or `__proto__` must not pass for a filter by being an object's inherited property.
 */
export const STATUS_FILTERS: ReadonlyMap<string, EntryStatus> = new Map([
  ['aucun', 'none'],
  ['brouillon', 'draft'],
  ['valide', 'validated'],
  ['publie', 'published'],
]);

const STATUS_ORDER: Record<EntryStatus, number> = { none: 0, draft: 1, validated: 2, published: 3 };

/**
 * The States of a year's data entry: every State party that year, and any other with a report or
 * answers; with whether their report is late, the answers missing to the viewer's indicators (a
 * member's committees; every indicator for the others) and the early warnings, filtered and sorted
 * as the address says (report-list-query.ts).
 */
export function yearReportsView(
  view: DataView,
  year: number,
  options: { viewer: Viewer; today: string; query: ReportListQuery; locale?: Locale },
) {
  const { engine, review, catalogue } = view;
  const { viewer, today, query } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const statusLabel = (status: EntryStatus) => t(REPORT_STATUS_KEYS[status]);
  const mineOnly = viewer.role === 'member';
  const filter = query.statut;
  const answerCounts = engine.answerCounts(year);
  const mine =
    viewer.role === 'member' ? actionsOfMechanisms(catalogue, viewer.mechanisms) : new Set(catalogue.actions.map((a) => a.number));
  const missing = missingAnswers(catalogue, engine, year, mine);
  const flags = engine.year(year).flags;
  const rows = engine
    .states()
    .filter((s) => isPartyInYear(s, year) || engine.report(year, s.iso3) !== undefined || answerCounts.has(s.iso3))
    .map((s) => {
      const report = engine.report(year, s.iso3) ?? null;
      const answers = answerCounts.get(s.iso3) ?? 0;
      const status: EntryStatus = review.validated.has(pairKey(year, s.iso3))
        ? review.published.has(year)
          ? 'published'
          : 'validated'
        : report || answers > 0
          ? 'draft'
          : 'none';
      const late = isLate(engine, year, s.iso3, today);
      const alerts = flags.get(s.iso3) ?? [];
      return {
        iso3: s.iso3,
        name: stateName(s, locale).name,
        party: isPartyInYear(s, year),
        status,
        statusLabel: statusLabel(status),
        badge: STATUS_BADGES[status],
        received: receivedSummary(report, locale),
        late,
        answers,
        missing: missing.get(s.iso3)?.length ?? 0,
        alerts: alerts.length,
        alertText: alerts.map((f) => flagMessage(f, locale)).join(' '),
        href: `/espace/saisie/${year}/${s.iso3}`,
      };
    });
  const wanted = filter ? STATUS_FILTERS.get(filter) : undefined;
  const counts = STATUSES.map((status) => ({
    status,
    label: statusLabel(status),
    badge: STATUS_BADGES[status],
    count: rows.filter((r) => r.status === status).length,
  }));
  const needle = query.etat.toLocaleLowerCase(locale);
  const shown = rows.filter(
    (r) =>
      (!wanted || r.status === wanted) &&
      (!query.flags.has('retard') || r.late) &&
      (!query.flags.has('manquantes') || r.missing > 0) &&
      (!query.flags.has('alerte') || r.alerts > 0) &&
      (needle === '' || r.name.toLocaleLowerCase(locale).includes(needle) || r.iso3.toLowerCase() === needle),
  );
  const byName = byStateName<(typeof rows)[number]>(locale, (r) => r.name);
  const key: Record<string, (r: (typeof rows)[number]) => number> = {
    statut: (r) => STATUS_ORDER[r.status],
    retard: (r) => (r.late ? 1 : 0),
    reponses: (r) => r.answers,
    manquantes: (r) => r.missing,
    alertes: (r) => r.alerts,
  };
  const sortKey = key[query.sort];
  const direction = query.descending ? -1 : 1;
  // Ties keep the alphabetical order of the names in the member's language, whatever the direction.
  shown.sort((a, b) => (sortKey ? direction * (sortKey(a) - sortKey(b)) || byName(a, b) : direction * byName(a, b)));
  const filtered = Boolean(wanted) || query.flags.size > 0 || query.etat !== '';
  return {
    year,
    rows: shown,
    total: rows.length,
    counts,
    filter: wanted ? filter : null,
    filtered,
    clearHref: `/espace/saisie/${year}`,
    filterOptions: [...STATUS_FILTERS].map(([value, status]) => ({
      value,
      label: statusLabel(status),
      selected: value === filter,
    })),
    flagOptions: [
      { name: 'retard', label: t('reportList.onlyLate'), checked: query.flags.has('retard') },
      {
        name: 'manquantes',
        label: mineOnly ? t('reportList.onlyMissingMine') : t('reportList.onlyMissing'),
        checked: query.flags.has('manquantes'),
      },
      { name: 'alerte', label: t('reportList.onlyFlagged'), checked: query.flags.has('alerte') },
    ],
    etat: query.etat,
    sort: query.sort,
    descending: query.descending,
    missingLabel: mineOnly ? t('reportList.sort.missingMine') : t('reportList.sort.missing'),
    columns: sortColumns(REPORT_SORTS, query, (sort, descending) => reportListHref(year, query, sort, descending)).map((c) => ({
      ...c,
      label: c.value === 'manquantes' && mineOnly ? t('reportList.sort.missingMine') : t(c.label),
    })),
    years: PLAN_YEARS.map((y) => ({ year: y, current: y === year, href: `/espace/saisie/${y}` })),
    published: review.published.has(year),
  };
}

/**
 * The three answers a report gives, and the fourth state of an indicator nobody has entered yet
 * (no row: choosing it deletes a stored answer).
 */
const ANSWER_CHOICE_KEYS: Record<AnswerChoice, string> = {
  yes: 'workspace.entry.choices.yes',
  no: 'workspace.entry.choices.no',
  blank: 'workspace.entry.choices.blank',
  none: 'workspace.entry.choices.none',
};

/**
 * A part of the form as the member reads it: « Rapport », « Populations 2026 », or « Section 3. » with
 * the section's title in the member's language (the domain names it in French: EntrySection.title).
 */
export function sectionTitle(section: EntrySection, year: number, catalogue: Catalogue, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (section.kind === 'report') return t('workspace.entry.report');
  if (section.kind === 'populations') return t('workspace.entry.populations', { year });
  const number = section.key.replace(/^section-/, '');
  const localized = localizeCatalogue(catalogue, locale).sections.find((s) => String(s.number) === number);
  return localized ? t('reportList.entry.sectionTitle', { number, title: localized.title }) : section.title;
}

/** « Section 3. … enregistrée : 2 modifications. » */
export function sectionSavedMessage(title: string, count: number, locale: Locale = DEFAULT_LOCALE): string {
  return count === 0
    ? t(locale, 'reportList.entry.sectionUnchanged', { title })
    : t(locale, 'reportList.entry.sectionSaved', { title, count });
}

/** Said after a section's save when other sections of the page hold changes not saved (their titles). */
export function unsavedSectionsMessage(titles: string[], locale: Locale = DEFAULT_LOCALE): string {
  const names = titles.map((title) => t(locale, 'publication.quoted', { text: title })).join(', ');
  return t(locale, 'reportList.entry.unsaved', { count: titles.length, names });
}

const guideKey = (used: unknown) => (used === true || used === 1 ? 'reportList.entry.guideUsed' : 'reportList.entry.guideNotUsed');

const answerText = (a: StoredAnswer | undefined, locale: Locale): string => {
  if (!a) return t(locale, 'workspace.entry.navNotEntered');
  const parts: string[] = [t(locale, ANSWER_KEYS[a.answer])];
  if (a.source) parts.push(t(locale, 'reportList.entry.source', { source: a.source }));
  if (a.note) parts.push(t(locale, 'reportList.entry.note', { note: a.note }));
  return parts.join(' — ');
};

const storedReportText = (stored: StoredReport, locale: Locale): string =>
  stored.report
    ? t(locale, 'reportList.entry.received', {
        date: formatDate(stored.report.receivedOn, locale),
        guide: t(locale, guideKey(stored.report.usedReportingGuide)),
      })
    : t(locale, 'report.none');

type Json = Record<string, unknown> | null;
const parseJson = (text: string | null): Json => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

/** One line of the audit trail, in `locale`: « Indicateur 1.1 : réponse oui → non ; note modifiée ». */
export function describeAuditEntry(entry: AuditEntry, catalogue: Catalogue, locale: Locale = DEFAULT_LOCALE): string {
  const say = translator(locale);
  const before = parseJson(entry.before);
  const after = parseJson(entry.after);
  const answer = (v: unknown) => (typeof v === 'string' && v in ANSWER_KEYS ? say(ANSWER_KEYS[v as keyof typeof ANSWER_KEYS]) : String(v));
  const guide = (v: unknown) => say(guideKey(v));
  const joined = (parts: string[]) => parts.join(say('common.listSeparator'));
  switch (entry.entity) {
    case 'answer': {
      const code = entry.indicator;
      if (entry.operation === 'insert') return say('reportList.audit.answerAdded', { code, answer: answer(after?.answer) });
      if (entry.operation === 'delete') return say('reportList.audit.answerDeleted', { code, answer: answer(before?.answer) });
      const parts: string[] = [];
      if (before?.answer !== after?.answer) {
        parts.push(say('reportList.audit.answerChanged', { before: answer(before?.answer), after: answer(after?.answer) }));
      }
      if (before?.source !== after?.source) parts.push(say('reportList.audit.sourceChanged'));
      if (before?.note !== after?.note) parts.push(say('reportList.audit.noteChanged'));
      return say('reportList.audit.answer', { code, changes: joined(parts) || say('reportList.audit.answerEdited') });
    }
    case 'report': {
      const received = (v: unknown) => (typeof v === 'string' ? formatDate(v, locale) : '—');
      if (entry.operation === 'insert') {
        return say('reportList.audit.reportAdded', { date: received(after?.received_on), guide: guide(after?.used_reporting_guide) });
      }
      if (entry.operation === 'delete') return say('reportList.audit.reportDeleted', { date: received(before?.received_on) });
      const parts: string[] = [];
      if (before?.received_on !== after?.received_on) {
        parts.push(say('reportList.audit.dateChanged', { before: received(before?.received_on), after: received(after?.received_on) }));
      }
      if (before?.used_reporting_guide !== after?.used_reporting_guide) {
        parts.push(`${guide(before?.used_reporting_guide)} → ${guide(after?.used_reporting_guide)}`);
      }
      return say('reportList.audit.report', { changes: joined(parts) || say('reportList.audit.reportEdited') });
    }
    case 'membership': {
      const recorded = (after ?? before)?.population;
      const population = typeof recorded === 'string' ? recorded : '';
      const name = populationLabel(catalogue, population, locale) ?? population;
      return entry.operation === 'delete'
        ? say('workspace.entry.audit.populationRemoved', { name })
        : say('workspace.entry.audit.populationAdded', { name });
    }
    case 'validation':
      return say(entry.operation === 'delete' ? 'workspace.entry.audit.validationRemoved' : 'workspace.entry.audit.validated');
    default:
      return `${entry.entity} : ${entry.operation}`;
  }
}

export interface EntryViewInput {
  catalogue: Catalogue;
  viewer: Viewer;
  entry: ReportEntry;
  /** What the fields show: the stored values, or what the user typed. */
  values: EntryValues;
  errors?: FieldError[];
  recent: AuditEntry[];
  flash?: string | null;
  /** The form was refused because someone saved in between: who and when. */
  conflict?: { entry: AuditEntry | null } | null;
  /** The member's language (French when not said). */
  locale?: Locale;
}

export function validationMovedMessage(entry: AuditEntry | null, locale: Locale = DEFAULT_LOCALE): string {
  return t(locale, 'reportList.entry.validationMoved', { by: changedBy(entry, locale) });
}

/** Why a change was refused (../domain/workspace/report-entry.ts, forbiddenChange), in the member's language. */
export function forbiddenMessage(problem: ForbiddenChange, locale: Locale = DEFAULT_LOCALE): string {
  if (problem.code === 'observer') return t(locale, 'reportList.entry.observerRefused');
  if (problem.code === 'populations') return t(locale, 'reportList.entry.populationsRefused');
  return t(locale, 'reportList.entry.outsideRefused', { count: problem.indicators.length, codes: problem.indicators.join(', ') });
}

/** Everything views/workspace/report-entry.hbs shows. */
export function reportEntryView(input: EntryViewInput) {
  const { catalogue, viewer, entry, values, recent } = input;
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const localized = localizeCatalogue(catalogue, locale);
  const errors = input.errors ?? [];
  const conflict = input.conflict ?? null;
  const { year, state, stored, scope, status } = entry;
  /** The report's and populations' parts are named by the form; the answers' by the catalogue's sections. */
  const titleOf = (section: EntrySection) => sectionTitle(section, year, catalogue, locale);
  const canSave = canWrite(viewer);
  const editable = editableActions(viewer, catalogue);
  const fieldView = (id: string) => {
    const error = errorFor(errors, id);
    return { id, error, errorId: `${id}-error` };
  };

  const report = {
    editable: canSave,
    receivedOn: { ...fieldView(fieldIds.receivedOn), name: fieldNames.receivedOn, value: values.receivedOn },
    guide: {
      ...fieldView(fieldIds.guide),
      name: fieldNames.guide,
      yes: values.guide === 'yes',
      no: values.guide === 'no',
    },
    current:
      conflict &&
      ((stored.report?.receivedOn ?? '') !== values.receivedOn ||
        (stored.report ? (stored.report.usedReportingGuide ? 'yes' : 'no') : '') !== values.guide)
        ? storedReportText(stored, locale)
        : null,
  };

  const populations = {
    offered: scope.party,
    editable: isAdmin(viewer),
    shownName: fieldNames.populationsShown,
    items: scope.enteredPopulations.map((p) => ({
      key: p.key,
      name: localized.populations.find((l) => l.key === p.key)?.name ?? p.name,
      description: localized.populations.find((l) => l.key === p.key)?.description ?? p.description,
      id: fieldIds.population(p.key),
      fieldName: fieldNames.population(p.key),
      checked: values.populations.has(p.key),
    })),
    current:
      conflict && !sameSet(stored.memberships, values.populations)
        ? [...stored.memberships].map((k) => populationLabel(localized, k, locale) ?? k).join(t('common.listSeparator')) ||
          t('reportList.entry.noneEntered')
        : null,
  };

  const inScope = new Map(scope.indicators.map((i) => [i.indicator.code, i] as const));
  const prefill = defaultSource(year);
  const sectionReason = (key: string) => {
    const id = fieldIds.sectionReason(key);
    return { ...fieldView(id), name: fieldNames.sectionReason(key), value: values.sectionReasons.get(key) ?? '' };
  };
  const answerSections = scope.sections
    .filter((section) => section.kind === 'answers')
    .map((section) => {
      const indicators = section.codes
        .map((code) => inScope.get(code))
        .filter((x) => x !== undefined)
        .map(({ indicator, inPopulation }) => {
          const code = indicator.code;
          const input: AnswerInput = values.answers.get(code) ?? { answer: 'none', source: '', note: '' };
          const canEdit = canSave && editable.has(indicator.action);
          const answerField = fieldView(fieldIds.answer(code));
          const storedAnswer = stored.answers.get(code);
          const differs =
            (storedAnswer?.answer ?? 'none') !== input.answer ||
            (storedAnswer?.source ?? '') !== input.source ||
            (storedAnswer?.note ?? '') !== input.note;
          const hintId = `answer-${code}-hint`;
          const sourceHintId = `source-${code}-hint`;
          const describedBy = (errorId: string | null, ...more: (string | null)[]) =>
            [errorId, !canEdit && canSave ? hintId : null, ...more].filter(Boolean).join(' ') || null;
          const sourceField = fieldView(fieldIds.source(code));
          const noteField = fieldView(fieldIds.note(code));
          // A new answer's source is the State's report of the year unless the user types another.
          const prefilled = canEdit && input.answer === 'none' && input.source === '';
          return {
            code,
            text: localized.indicatorByCode.get(indicator.code)?.text ?? indicator.text,
            action: indicator.action,
            inPopulation,
            population: populationLabel(localized, indicator.population, locale),
            editable: canEdit,
            editors: editorsOf(catalogue, indicator.action).join(' ; '),
            hintId,
            answer: {
              ...answerField,
              describedBy: describedBy(answerField.error ? answerField.errorId : null),
              name: fieldNames.answer(code),
              // Each choice's label wraps its input: only the first needs an id, the error summary's
              // link (fieldIds.answer). Eighty indicators' ids were 5 kB of the form's 144.
              choices: (['yes', 'no', 'blank', 'none'] as const).map((value, index) => ({
                value,
                label: t(ANSWER_CHOICE_KEYS[value]),
                id: index === 0 ? answerField.id : null,
                checked: input.answer === value,
              })),
            },
            source: {
              ...sourceField,
              describedBy: describedBy(sourceField.error ? sourceField.errorId : null, prefilled ? sourceHintId : null),
              name: fieldNames.source(code),
              value: prefilled ? prefill : input.source,
              prefilled,
              hintId: sourceHintId,
            },
            note: {
              ...noteField,
              describedBy: describedBy(noteField.error ? noteField.errorId : null),
              name: fieldNames.note(code),
              value: input.note,
            },
            current: conflict && differs ? answerText(storedAnswer, locale) : null,
          };
        });
      const tallied = answerCounts(section.codes.map((code) => stored.answers.get(code)));
      const counts = {
        ...tallied,
        detail: answerCountsText(tallied, t),
        notEnteredText: t('workspace.entry.notEntered', { count: tallied.notEntered }),
      };
      return {
        key: section.key,
        title: titleOf(section),
        id: fieldIds.section(section.key),
        headingId: `${fieldIds.section(section.key)}-titre`,
        indicators,
        editable: indicators.some((i) => i.editable),
        reason: sectionReason(section.key),
        counts,
      };
    });

  // What is stored (not what the page holds unsaved), section by section: the summary and the navigation.
  const missingOf = (codes: string[]) =>
    codes
      .filter((code) => !stored.answers.has(code) && inScope.get(code)?.inPopulation)
      .map((code) => ({ code, href: `#indicateur-${code}` }));
  const summaryRows = scope.sections.map((section) => {
    const anchor = `#${fieldIds.section(section.key)}`;
    if (section.kind === 'report') {
      return {
        title: titleOf(section),
        href: anchor,
        entered: stored.report ? storedReportText(stored, locale) : null,
        missingText: stored.report ? null : t('workspace.entry.noDate'),
        missing: [],
        nav: stored.report ? t('workspace.entry.navEntered') : t('workspace.entry.navNotEntered'),
      };
    }
    if (section.kind === 'populations') {
      const n = stored.memberships.size;
      return {
        title: titleOf(section),
        href: anchor,
        entered: n === 0 ? null : t('workspace.entry.nPopulations', { count: n, total: scope.enteredPopulations.length }),
        missingText: n === 0 ? t('workspace.entry.noPopulation') : null,
        missing: [],
        nav: `${n} / ${scope.enteredPopulations.length}`,
      };
    }
    const counts = answerCounts(section.codes.map((code) => stored.answers.get(code)));
    const missing = missingOf(section.codes);
    return {
      title: titleOf(section),
      href: anchor,
      entered: `${counts.entered} / ${section.codes.length} (${answerCountsText(counts, t)})`,
      missingText: missing.length === 0 ? null : t('workspace.entry.missingIndicators', { count: missing.length }),
      missing,
      nav: `${counts.entered} / ${section.codes.length}`,
    };
  });
  const totals = answerCounts(scope.indicators.map(({ indicator }) => stored.answers.get(indicator.code)));
  const missingTotal = missingOf(scope.indicators.map(({ indicator }) => indicator.code)).length;

  const concerned = actionsConcerned(catalogue, stored);
  const validation = entry.validation;
  return {
    year,
    state: { iso3: state.iso3, name: stateName(state, locale).name, party: scope.party },
    action: `/espace/saisie/${year}/${state.iso3}`,
    validationAction: `/espace/saisie/${year}/${state.iso3}/validation`,
    listHref: `/espace/saisie/${year}`,
    journalHref: `/espace/journal?annee=${year}&etat=${state.iso3}`,
    publicHref: `/states/${state.iso3}?year=${year}`,
    status: { key: status, label: t(REPORT_STATUS_KEYS[status]), badge: STATUS_BADGES[status] },
    draft: status === 'draft',
    validation: validation ? { by: actorName(validation.by, locale), at: formatDateTime(validation.at, locale) } : null,
    recent: recent.map((e) => ({
      at: formatDateTime(e.at, locale),
      actor: actorName(e, locale),
      what: describeAuditEntry(e, localized, locale),
      reason: e.reason,
    })),
    flash: input.flash ?? null,
    conflict: conflict ? conflictMessage(conflict.entry, t('workspace.entry.changedWhat'), locale) : null,
    errors: errors.map((e) => ({ field: e.field, message: e.message })),
    canSave,
    readOnlyReason: canSave ? null : t('workspace.entry.readOnly'),
    report: { ...report, sectionId: fieldIds.section('rapport'), reason: sectionReason('rapport') },
    populations: { ...populations, sectionId: fieldIds.section('populations'), reason: sectionReason('populations') },
    sections: answerSections,
    sectionField: fieldNames.section,
    partsNav: summaryRows.map((r) => ({ title: r.title, href: r.href, count: r.nav })),
    summaryRows,
    totals: {
      ...totals,
      offered: scope.indicators.length,
      detail: answerCountsText(totals, t),
      missingText: t('workspace.entry.notEntered', { count: missingTotal }),
    },
    answerCount: stored.answers.size,
    indicatorCount: scope.indicators.length,
    reason: {
      ...fieldView(fieldIds.reason),
      name: fieldNames.reason,
      value: values.reason,
      required: reasonRequired(status),
      requiredWhy: reasonNeededBecause(status, year, locale),
    },
    version: entry.version,
    canValidate: status === 'draft' && canValidate(viewer, catalogue, concerned),
    validateRefused:
      status === 'draft' && canSave && !canValidate(viewer, catalogue, concerned) ? t('workspace.entry.notYourCommittee') : null,
    summary: t('workspace.entry.summary', {
      answers: t('workspace.entry.nAnswers', { count: stored.answers.size }),
      indicators: t('workspace.entry.nOffered', { count: scope.indicators.length }),
    }),
  };
}

/** « 3 oui · 1 non · 1 non traité dans le rapport » in the member's language. */
const answerCountsText = (counts: { yes: number; no: number; blank: number }, t: Translate) =>
  t('workspace.entry.countsDetail', { yes: counts.yes, no: counts.no, blank: t('workspace.entry.nBlank', { count: counts.blank }) });

/** How many of an indicator list are answered, and how: « 3 oui · 1 non · 1 non traité dans le rapport ». */
function answerCounts(answers: (StoredAnswer | undefined)[]) {
  const count = (value: string) => answers.filter((a) => a?.answer === value).length;
  const yes = count('yes');
  const no = count('no');
  const blank = count('blank');
  return {
    entered: yes + no + blank,
    yes,
    no,
    blank,
    notEntered: answers.length - yes - no - blank,
  };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The French message after a save: « Enregistré : 3 modifications. » */
