/** The meetings the committees prepare (docs/method.md#meetings). */
export const MEETING_KINDS = ['intersessional', 'msp', 'coordination'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intersessional: 'Réunions intersessions',
  msp: 'Assemblée des États parties',
  coordination: 'Réunion du Comité de coordination',
};
