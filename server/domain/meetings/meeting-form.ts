import { readDate, readYear, type Cell } from '../exchange/values';
import { formText, formVersion } from '../workspace/form';
import { MEETING_KINDS, SPEAKERS_FROM, type MeetingKind, type SpeakersFrom } from './kinds';
import { readSittings, sittingsText, type SittingProblem } from './sittings';

/** A meeting's details as the form edits them. */
export interface MeetingDetails {
  kind: MeetingKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  year: number;
  agenda: string;
  /** One sitting per line, as server/domain/meetings/sittings.ts writes them; '' (or absent) when not entered. */
  sittings?: string;
  /** Absent: every State of the population (the column's default). */
  speakersFrom?: SpeakersFrom;
}

/** What the user typed, kept as text so that a refused form shows it back. */
export type MeetingSubmission = Record<
  'kind' | 'title' | 'startsOn' | 'endsOn' | 'place' | 'year' | 'agenda' | 'sittings' | 'speakersFrom',
  string
> & {
  version: number | null;
};

export const TITLE_MAX = 200;
export const PLACE_MAX = 200;
export const AGENDA_MAX = 5000;
/** Forty sittings of « AAAA-MM-JJ HH:MM-HH:MM » and their line breaks, with room for spaces. */
export const SITTINGS_TEXT_MAX = 2000;

export function readMeetingSubmission(body: Record<string, unknown>): MeetingSubmission {
  return {
    kind: formText(body.kind).trim(),
    title: formText(body.title).trim(),
    startsOn: formText(body.startsOn).trim(),
    endsOn: formText(body.endsOn).trim(),
    place: formText(body.place).trim(),
    year: formText(body.year).trim(),
    agenda: formText(body.agenda).replace(/\r\n?/g, '\n').trim(),
    sittings: formText(body.sittings).replace(/\r\n?/g, '\n').trim(),
    // Absent from older forms and other kinds of meeting: everyone, as before the choice existed.
    speakersFrom: formText(body.speakersFrom).trim() || 'population',
    version: formVersion(body),
  };
}

/** A value's rule broken (server/domain/exchange/values.ts), as the import would say it of the same value. */
export type ValueProblem = Extract<Cell<unknown>, { ok: false }>;

/**
 * What is wrong with one field of the form, as a code and what its message needs: the presenter
 * (presenters/meeting-problems.ts) words it in the member's language. `field` is the element id.
 */
export type MeetingProblem =
  | { field: 'kind'; code: 'kindChoice' }
  | { field: 'title' | 'place'; code: 'required' }
  | { field: 'title' | 'place' | 'agenda' | 'sittings'; code: 'tooLong'; max: number; length: number }
  | { field: 'startsOn' | 'endsOn' | 'year'; code: 'value'; problem: ValueProblem }
  | { field: 'endsOn'; code: 'endsBeforeStart' }
  | { field: 'sittings'; code: 'sittings'; problem: SittingProblem }
  | { field: 'speakersFrom'; code: 'speakersFromChoice' };

export type MeetingCheck = { ok: true; details: MeetingDetails } | { ok: false; errors: MeetingProblem[] };

/** Checks every field and says, by field, what is wrong (as codes: no language here). */
export function checkMeeting(submission: MeetingSubmission): MeetingCheck {
  const errors: MeetingProblem[] = [];
  const tooLong = (field: 'title' | 'place' | 'agenda' | 'sittings', max: number): boolean => {
    const length = [...submission[field]].length;
    if (length > max) errors.push({ field, code: 'tooLong', max, length });
    return length > max;
  };
  const kind = (MEETING_KINDS as readonly string[]).includes(submission.kind) ? (submission.kind as MeetingKind) : null;
  if (!kind) errors.push({ field: 'kind', code: 'kindChoice' });
  if (submission.title === '') errors.push({ field: 'title', code: 'required' });
  tooLong('title', TITLE_MAX);
  if (submission.place === '') errors.push({ field: 'place', code: 'required' });
  tooLong('place', PLACE_MAX);
  const startsOn = readDate(submission.startsOn);
  if (!startsOn.ok) errors.push({ field: 'startsOn', code: 'value', problem: startsOn });
  const endsOn = submission.endsOn === '' && startsOn.ok ? startsOn : readDate(submission.endsOn);
  if (!endsOn.ok) errors.push({ field: 'endsOn', code: 'value', problem: endsOn });
  if (startsOn.ok && endsOn.ok && endsOn.value < startsOn.value) errors.push({ field: 'endsOn', code: 'endsBeforeStart' });
  const year = readYear(submission.year);
  if (!year.ok) errors.push({ field: 'year', code: 'value', problem: year });
  tooLong('agenda', AGENDA_MAX);
  const sittingsLength = tooLong('sittings', SITTINGS_TEXT_MAX);
  const sittings = readSittings(
    sittingsLength ? '' : submission.sittings,
    startsOn.ok ? startsOn.value : null,
    endsOn.ok ? endsOn.value : null,
  );
  if (!sittings.ok) for (const problem of sittings.problems) errors.push({ field: 'sittings', code: 'sittings', problem });
  const speakersFrom = (SPEAKERS_FROM as readonly string[]).includes(submission.speakersFrom)
    ? (submission.speakersFrom as SpeakersFrom)
    : null;
  if (!speakersFrom) errors.push({ field: 'speakersFrom', code: 'speakersFromChoice' });
  if (errors.length > 0 || !kind || !startsOn.ok || !endsOn.ok || !year.ok || !sittings.ok || !speakersFrom) return { ok: false, errors };
  return {
    ok: true,
    details: {
      kind,
      title: submission.title,
      startsOn: startsOn.value,
      endsOn: endsOn.value,
      place: submission.place,
      year: year.value,
      agenda: submission.agenda,
      sittings: sittingsText(sittings.sittings),
      speakersFrom,
    },
  };
}

/** The lines of a meeting's own agenda, blank lines dropped. */
export const agendaPoints = (agenda: string): string[] =>
  agenda
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
