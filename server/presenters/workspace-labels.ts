import type { IndicatorKind } from '../domain/engine/types';

/**
 * The message keys of the domain's codes as the workspace says them, in full for the message test
 * (docs/i18n.md: a key chosen at run time is listed whole in a constant).
 */
export const ANSWER_KEYS = { yes: 'workspace.labels.yes', no: 'workspace.labels.no', blank: 'workspace.labels.blank' } as const;

export const REPORT_STATUS_KEYS = {
  none: 'workspace.labels.statusNone',
  draft: 'workspace.labels.statusDraft',
  validated: 'workspace.labels.statusValidated',
  published: 'workspace.labels.statusPublished',
} as const;

export const KIND_KEYS: Record<IndicatorKind, string> = {
  share: 'workspace.labels.kindShare',
  count: 'workspace.labels.kindCount',
  figure: 'workspace.labels.kindFigure',
  ratio: 'workspace.labels.kindRatio',
};
