import type { AuditEntry } from '../../../db/queries/audit';
import type { Catalogue } from '../catalogue';
import type { FileCounts } from '../exchange/apply';
import type { ExchangeKind } from '../data-kinds';
import { editableActions, isAdmin, type Viewer } from '../permissions';
import { REPORT_STATUS_LABELS, reportStatus, type ReviewState } from '../review';

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
  /** French sentences, one per kind of refusal (empty: everything is allowed). */
  refusals: string[];
  /** The validated reports and published years touched, in French (empty: no reason needed). */
  reasonNeeded: string[];
}

const ENTITY_LABELS: Record<Entity, string> = {
  answer: 'Réponse',
  report: 'Rapport',
  membership: 'Population',
  figure: 'Chiffre',
  state: 'État (registre)',
  publication: 'Publication',
  validation: 'Validation',
};

/** The exchange kind whose rows write an entity, to name the files concerned. */
const KIND_OF: Partial<Record<Entity, ExchangeKind>> = {
  answer: 'answers',
  report: 'reports',
  membership: 'populations',
  figure: 'figures',
  state: 'states',
};

const STATUS_LABELS = REPORT_STATUS_LABELS;

/** Entities that belong to a (year, State) report and follow its review status. */
const REPORT_PARTS: Entity[] = ['answer', 'report', 'membership'];

/**
 * Checks the changes of an upload against the viewer's rights, and finds those that change
 * validated or published data (a reason is then required). Rights: an admin may change anything;
 * a member the answers of the indicators of their mechanisms' actions and the reports (date
 * received, Reporting Guide); populations, figures and the registry are the admins' (the
 * Implementation Support Unit's). `review` is the state before the upload.
 */
export function assessChanges(
  changes: AuditEntry[],
  viewer: Viewer,
  catalogue: Catalogue,
  review: ReviewState,
  files: FileCounts[],
): ChangeAssessment {
  return { refusals: refusalsOf(changes, viewer, catalogue, files), reasonNeeded: reasonNeededFor(changes, review) };
}

function refusalsOf(changes: AuditEntry[], viewer: Viewer, catalogue: Catalogue, files: FileCounts[]): string[] {
  if (isAdmin(viewer)) return [];
  const allowed = viewer.role === 'member' ? editableActions(viewer, catalogue) : new Set<number>();
  const member = viewer.role === 'member';
  const filesOf = (entity: Entity) => {
    const kind = KIND_OF[entity];
    const names = files.filter((f) => f.kind === kind).map((f) => f.file);
    return names.length > 0 ? ` (${names.join(', ')})` : '';
  };
  const plural = (n: number) => `${n} modification${n > 1 ? 's' : ''} refusée${n > 1 ? 's' : ''}`;

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
    const which = group.indicators.size > 1 ? `aux indicateurs ${codes}` : `à l’indicateur ${codes}`;
    const why = member ? `l’action ${action} ne relève d’aucun de vos comités` : 'votre rôle ne permet pas de modifier les réponses';
    refusals.push(`Réponses ${which}${answerFiles} : ${plural(group.count)}, ${why}.`);
  }
  // What the viewer may not change, with its agreement: « les populations sont réservées… ».
  const reserved: Partial<Record<Entity, string>> = {
    report: 'les rapports sont réservés',
    membership: 'les populations sont réservées',
    figure: 'les chiffres sont réservés',
    state: 'le registre des États est réservé',
    publication: 'la publication est réservée',
    validation: 'la validation est réservée',
  };
  for (const [entity, count] of otherCounts) {
    const why = member
      ? `${reserved[entity] ?? 'ces données sont réservées'} aux administrateurs (Unité d’appui à l’application)`
      : 'votre rôle ne permet pas de les modifier';
    refusals.push(`${ENTITY_LABELS[entity]}${filesOf(entity)} : ${plural(count)}, ${why}.`);
  }
  return refusals;
}

function reasonNeededFor(changes: AuditEntry[], review: ReviewState): string[] {
  const found = new Map<string, string>();
  const anyPublished = review.published.size > 0;
  for (const change of changes) {
    const { year, state } = change;
    if (REPORT_PARTS.includes(change.entity) && year !== null && state !== null) {
      const status = reportStatus(review, year, state);
      if (status !== 'draft') {
        found.set(`r:${year}:${state}`, `rapport ${year} de ${state} (${STATUS_LABELS[status]})`);
        continue;
      }
    }
    // Populations and figures of a published year are shown to the public whole.
    if ((change.entity === 'membership' || change.entity === 'figure') && year !== null && review.published.has(year)) {
      const what = change.entity === 'membership' ? 'populations' : 'chiffres';
      found.set(`${change.entity}:${year}`, `${what} ${year} (année publiée)`);
    }
    if (change.entity === 'state' && anyPublished) {
      found.set('state', 'registre des États (il détermine les populations des années publiées)');
    }
  }
  return [...found.keys()].sort().map((key) => found.get(key)!);
}

/** Where each change's report or year stands now: a change to validated or published data is marked. */
export function previewChanges(changes: AuditEntry[], review: ReviewState): PreviewChange[] {
  return changes.map((entry) => {
    const { year, state } = entry;
    if (REPORT_PARTS.includes(entry.entity) && year !== null && state !== null) {
      const status = reportStatus(review, year, state);
      return { entry, status, statusLabel: `rapport ${STATUS_LABELS[status]}` };
    }
    if (year !== null && review.published.has(year)) return { entry, status: 'published', statusLabel: 'année publiée' };
    return { entry, status: null, statusLabel: null };
  });
}

/** 1.2 before 1.10, 30.1 after 5.3. */
function compareCodes(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0);
}
