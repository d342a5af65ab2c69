/** The meetings the committees prepare (docs/method.md#meetings); their names are messages (presenters/meeting-labels.ts). */
export const MEETING_KINDS = ['intersessional', 'msp', 'coordination'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Who starts in an intersessional meeting's speaker groups (a choice when creating the meeting). */
export const SPEAKERS_FROM = ['population', 'requests'] as const;
export type SpeakersFrom = (typeof SPEAKERS_FROM)[number];
