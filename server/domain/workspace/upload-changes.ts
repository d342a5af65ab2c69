import type { AuditEntry } from '../../../db/queries/audit';
import type { Catalogue } from '../catalogue';
import type { FileCounts } from '../exchange/apply';
import type { ExchangeKind } from '../data-kinds';
import { editableActions, isAdmin, type Viewer } from '../permissions';
import { reportStatus, type ReviewState } from '../review';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale';
import { t } from '../../i18n/translate';
import { compareCodes } from '../compare';

type Entity = AuditEntry['entity'];

/** One change an upload makes, with where its report stands, for the preview. */
export interface PreviewChange {
  entry: AuditEntry;
  /** For a badge: draft, validated or published; null when no report or published year is concerned. */
  status: 'draft' | 'validated' | 'published' | null;
  statusLabel: string | null;
}

/** What a viewer may not change among the changes, and which changes touch validated or published data. */
export interface ChangeAssessment {
  /** Sentences in the viewer's language, one per kind of refusal (empty: everything is allowed). */
  refusals: string[];
  /** The validated reports and published years touched, in the viewer's language (empty: no reason needed). */
  reasonNeeded: string[];
}

/** Words of the refusals and reasons (full keys: docs/i18n.md#messages). */
const ENTITY_KEYS: Record<Entity, string> = {
  answer: 'upload.entity.answer',
  report: 'upload.entity.report',
  membership: 'upload.entity.membership',
  figure: 'upload.entity.figure',
  state: 'upload.entity.state',
  publication: 'upload.entity.publication',
  validation: 'upload.entity.validation',
};
/** What a member may not change, with its agreement: « les populations sont réservées… ». */
const RESERVED_KEYS: Record<Entity, string> = {
  answer: 'upload.reserved.other',
  report: 'upload.reserved.report',
  membership: 'upload.reserved.membership',
  figure: 'upload.reserved.figure',
  state: 'upload.reserved.state',
  publication: 'upload.reserved.publication',
  validation: 'upload.reserved.validation',
};
const STATUS_KEYS = { draft: 'upload.status.draft', validated: 'upload.status.validated', published: 'upload.status.published' } as const;
const REPORT_STATUS_KEYS = {
  draft: 'upload.status.reportDraft',
  validated: 'upload.status.reportValidated',
  published: 'upload.status.reportPublished',
} as const;

/** The exchange kind whose rows write an entity, to name the files concerned. */
const KIND_OF: Partial<Record<Entity, ExchangeKind>> = {
  answer: 'answers',
  report: 'reports',
  membership: 'populations',
  figure: 'figures',
  state: 'states',
};

/** Entities that belong to a (year, State) report and follow its review status. */
const REPORT_PARTS: Entity[] = ['answer', 'report', 'membership'];

/**
 * Checks the changes of an upload against the viewer's rights, and finds those that change
 * validated or published data (a reason is then required). Rights: an admin may change anything;
 * a member the answers of the indicators of their mechanisms' actions and the reports (date
 * received, Reporting Guide); populations, figures and the registry are the admins' (the
 * Implementation Support Unit's). `review` is the state before the upload. Worded in `locale`.
 */
export function assessChanges(
  changes: AuditEntry[],
  viewer: Viewer,
  catalogue: Catalogue,
  review: ReviewState,
  files: FileCounts[],
  locale: Locale = DEFAULT_LOCALE,
): ChangeAssessment {
  return { refusals: refusalsOf(changes, viewer, catalogue, files, locale), reasonNeeded: reasonNeededFor(changes, review, locale) };
}

function refusalsOf(changes: AuditEntry[], viewer: Viewer, catalogue: Catalogue, files: FileCounts[], locale: Locale): string[] {
  if (isAdmin(viewer)) return [];
  const allowed = viewer.role === 'member' ? editableActions(viewer, catalogue) : new Set<number>();
  const member = viewer.role === 'member';
  const filesOf = (entity: Entity) => {
    const kind = KIND_OF[entity];
    const names = files.filter((f) => f.kind === kind).map((f) => f.file);
    return names.length > 0 ? ` (${names.join(', ')})` : '';
  };
  const plural = (n: number) => t(locale, 'upload.refusal.refused', { count: n });

  // Answers outside the member's actions, grouped by action.
  const byAction = new Map<number, { indicators: Set<string>; count: number }>();
  const otherCounts = new Map<Entity, number>();
  for (const change of changes) {
    if (change.entity === 'answer') {
      const action = catalogue.indicatorByCode.get(change.indicator ?? '')?.action;
      if (member && action !== undefined && allowed.has(action)) continue;
      const key = action ?? 0;
      const group = byAction.get(key) ?? { indicators: new Set<string>(), count: 0 };
      group.indicators.add(change.indicator ?? '?');
      group.count++;
      byAction.set(key, group);
    } else if (change.entity === 'report' && member) {
      continue;
    } else {
      otherCounts.set(change.entity, (otherCounts.get(change.entity) ?? 0) + 1);
    }
  }

  const refusals: string[] = [];
  const answerFiles = filesOf('answer');
  for (const [action, group] of [...byAction].sort(([a], [b]) => a - b)) {
    const codes = [...group.indicators].sort(compareCodes).join(', ');
    const which = t(locale, group.indicators.size > 1 ? 'upload.refusal.indicators' : 'upload.refusal.indicator', { codes });
    const why = member ? t(locale, 'upload.refusal.whyAction', { action }) : t(locale, 'upload.refusal.whyRoleAnswers');
    refusals.push(t(locale, 'upload.refusal.answers', { which, files: answerFiles, refused: plural(group.count), why }));
  }
  for (const [entity, count] of otherCounts) {
    const why = member ? t(locale, RESERVED_KEYS[entity]) : t(locale, 'upload.refusal.whyRole');
    refusals.push(
      t(locale, 'upload.refusal.other', { what: t(locale, ENTITY_KEYS[entity]), files: filesOf(entity), refused: plural(count), why }),
    );
  }
  return refusals;
}

function reasonNeededFor(changes: AuditEntry[], review: ReviewState, locale: Locale): string[] {
  const found = new Map<string, string>();
  const anyPublished = review.published.size > 0;
  for (const change of changes) {
    const { year, state } = change;
    if (REPORT_PARTS.includes(change.entity) && year !== null && state !== null) {
      const status = reportStatus(review, year, state);
      if (status !== 'draft') {
        found.set(`r:${year}:${state}`, t(locale, 'upload.reasonFor.report', { year, state, status: t(locale, STATUS_KEYS[status]) }));
        continue;
      }
    }
    // Populations and figures of a published year are shown to the public whole.
    if ((change.entity === 'membership' || change.entity === 'figure') && year !== null && review.published.has(year)) {
      const key = change.entity === 'membership' ? 'upload.reasonFor.populations' : 'upload.reasonFor.figures';
      found.set(`${change.entity}:${year}`, t(locale, key, { year }));
    }
    if (change.entity === 'state' && anyPublished) {
      found.set('state', t(locale, 'upload.reasonFor.registry'));
    }
  }
  return [...found.keys()].sort().map((key) => found.get(key)!);
}

/** Where each change's report or year stands now: a change to validated or published data is marked. */
export function previewChanges(changes: AuditEntry[], review: ReviewState, locale: Locale = DEFAULT_LOCALE): PreviewChange[] {
  return changes.map((entry) => {
    const { year, state } = entry;
    if (REPORT_PARTS.includes(entry.entity) && year !== null && state !== null) {
      const status = reportStatus(review, year, state);
      return { entry, status, statusLabel: t(locale, REPORT_STATUS_KEYS[status]) };
    }
    if (year !== null && review.published.has(year)) {
      return { entry, status: 'published', statusLabel: t(locale, 'upload.status.yearPublished') };
    }
    return { entry, status: null, statusLabel: null };
  });
}
