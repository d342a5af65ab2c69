/** The meetings the committees prepare (docs/method.md#meetings). */
export const MEETING_KINDS = ['intersessional', 'msp', 'coordination'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intersessional: 'Réunions intersessions',
  msp: 'Assemblée des États parties',
  coordination: 'Réunion du Comité de coordination',
};

/** Who starts in an intersessional meeting's speaker groups (a choice when creating the meeting). */
export const SPEAKERS_FROM = ['population', 'requests'] as const;
export type SpeakersFrom = (typeof SPEAKERS_FROM)[number];

export const SPEAKERS_FROM_LABELS: Record<SpeakersFrom, string> = {
  population: 'tous les États de la population',
  requests: 'seulement les États inscrits',
};
