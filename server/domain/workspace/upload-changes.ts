import type { AuditEntry } from '../../../db/queries/audit';
import type { Catalogue } from '../../../db/queries/catalogue';
import { formatDate, formatNumber } from '../../presenters/format';
import { ANSWER_LABELS, populationLabel } from '../../presenters/labels';
import type { FileCounts } from '../exchange/apply';
import type { ExchangeKind } from '../exchange/kinds';
import { editableActions, isAdmin, type Viewer } from '../permissions';
import { reportStatus, type ReviewState } from '../review';

type Entity = AuditEntry['entity'];

/** One change an upload makes, in French, for the preview. */
export interface ChangeView {
  entity: string;
  operation: string;
  year: number | null;
  /** « Afghanistan (AFG) ». */
  state: string | null;
  indicator: string | null;
  /** For a badge: draft, validated or published; null when no report or published year is concerned. */
  status: 'draft' | 'validated' | 'published' | null;
  statusLabel: string | null;
  /** « réponse : non → oui », one per value that changes. */
  details: string[];
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

const OPERATION_LABELS: Record<AuditEntry['operation'], string> = {
  insert: 'ajout',
  update: 'modification',
  delete: 'suppression',
};

/** The exchange kind whose rows write an entity, to name the files concerned. */
const KIND_OF: Partial<Record<Entity, ExchangeKind>> = {
  answer: 'answers',
  report: 'reports',
  membership: 'populations',
  figure: 'figures',
  state: 'states',
};

const STATUS_LABELS = { draft: 'brouillon', validated: 'validé', published: 'publié' } as const;

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
    const why = member
      ? `l’action ${action} ne relève d’aucun de vos comités`
      : 'votre rôle ne permet pas de modifier les réponses';
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

/** The changes in French, for the preview's table. */
export function describeChanges(
  changes: AuditEntry[],
  catalogue: Catalogue,
  review: ReviewState,
  stateNames: Map<string, string>,
): ChangeView[] {
  return changes.map((change) => {
    const { year, state } = change;
    let status: ChangeView['status'] = null;
    let statusLabel: string | null = null;
    if (REPORT_PARTS.includes(change.entity) && year !== null && state !== null) {
      status = reportStatus(review, year, state);
      statusLabel = `rapport ${STATUS_LABELS[status]}`;
    } else if (year !== null && review.published.has(year)) {
      status = 'published';
      statusLabel = 'année publiée';
    }
    const name = state === null ? null : stateNames.get(state);
    return {
      entity: ENTITY_LABELS[change.entity],
      operation: OPERATION_LABELS[change.operation],
      year,
      state: state === null ? null : name ? `${name} (${state})` : state,
      indicator: change.indicator,
      status,
      statusLabel,
      details: detailsOf(change, catalogue),
    };
  });
}

type Json = Record<string, unknown>;

function detailsOf(change: AuditEntry, catalogue: Catalogue): string[] {
  const before = parse(change.before);
  const after = parse(change.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const details: string[] = [];
  for (const key of keys) {
    const label = FIELD_LABELS[key] ?? key;
    const show = (value: unknown) => fieldText(key, value, catalogue);
    if (change.operation === 'insert') {
      if (after?.[key] === null || after?.[key] === undefined || after?.[key] === '') continue;
      details.push(`${label} : ${show(after[key])}`);
    } else if (change.operation === 'delete') {
      details.push(`${label} : ${show(before?.[key])} (supprimé)`);
    } else if (before?.[key] !== after?.[key]) {
      details.push(`${label} : ${show(before?.[key])} → ${show(after?.[key])}`);
    }
  }
  return details;
}

function parse(json: string | null): Json | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as Json;
  } catch {
    return null;
  }
}

/** The SQL column names the audit trail records, in French. */
const FIELD_LABELS: Record<string, string> = {
  answer: 'réponse',
  source: 'source',
  note: 'note',
  received_on: 'reçu le',
  used_reporting_guide: 'Guide de rapport utilisé',
  population: 'population',
  value: 'valeur',
  denominator: 'dénominateur',
  name_fr: 'nom français',
  name_en: 'nom anglais',
  party: 'partie à la Convention',
  party_from: 'entrée en vigueur',
  party_until: 'retrait',
  published: 'publiée',
  published_at: 'publiée le',
  validated_by: 'validé par',
  validated_at: 'validé le',
};

const LONG_TEXT = 160;

function fieldText(key: string, value: unknown, catalogue: Catalogue): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  switch (key) {
    case 'answer':
      return ANSWER_LABELS[value as keyof typeof ANSWER_LABELS] ?? String(value);
    case 'used_reporting_guide':
    case 'party':
    case 'published':
      return value === 1 || value === true ? 'oui' : 'non';
    case 'received_on':
    case 'party_from':
    case 'party_until':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);
    case 'value':
    case 'denominator':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'population':
      return `${populationLabel(catalogue, String(value))} (${String(value)})`;
    default: {
      const text = String(value);
      return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT)}…` : text;
    }
  }
}

/** 1.2 before 1.10, 30.1 after 5.3. */
function compareCodes(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return (a1 ?? 0) - (b1 ?? 0) || (a2 ?? 0) - (b2 ?? 0);
}

