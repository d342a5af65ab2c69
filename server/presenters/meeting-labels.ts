import type { MeetingKind, SpeakersFrom } from '../domain/meetings/kinds';

/** The message keys of meeting kinds and speakers' list origins, in full for the message test (docs/i18n.md). */
export const MEETING_KIND_KEYS: Record<MeetingKind, string> = {
  intersessional: 'meetings.kinds.intersessional',
  msp: 'meetings.kinds.msp',
  coordination: 'meetings.kinds.coordination',
};

export const SPEAKERS_FROM_KEYS: Record<SpeakersFrom, string> = {
  population: 'meetings.speakersFrom.population',
  requests: 'meetings.speakersFrom.requests',
};
