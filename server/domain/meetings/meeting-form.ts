import { readDate, readYear } from '../exchange/values';
import { formText, formVersion, type FieldError } from '../workspace/form';
import { MEETING_KIND_LABELS, MEETING_KINDS, SPEAKERS_FROM, SPEAKERS_FROM_LABELS, type MeetingKind, type SpeakersFrom } from './kinds';
import { readSittings, sittingsText } from './sittings';

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

export type MeetingCheck = { ok: true; details: MeetingDetails } | { ok: false; errors: FieldError[] };

const lengthProblem = (value: string, max: number, label: string): string | null => {
  const length = [...value].length;
  return length > max ? `${label} : ${max} caractères au plus (vous en avez saisi ${length}).` : null;
};

/** Checks every field and says, in French and by field, what is wrong. */
export function checkMeeting(submission: MeetingSubmission): MeetingCheck {
  const errors: FieldError[] = [];
  const kind = (MEETING_KINDS as readonly string[]).includes(submission.kind) ? (submission.kind as MeetingKind) : null;
  if (!kind) {
    errors.push({
      field: 'kind',
      message: `Type de réunion : choisissez ${MEETING_KINDS.map((k) => `« ${MEETING_KIND_LABELS[k]} »`).join(', ')}.`,
    });
  }
  if (submission.title === '')
    errors.push({ field: 'title', message: 'Intitulé : obligatoire (par exemple « Réunions intersessions 2027 »).' });
  const titleLength = lengthProblem(submission.title, TITLE_MAX, 'Intitulé');
  if (titleLength) errors.push({ field: 'title', message: titleLength });
  if (submission.place === '') errors.push({ field: 'place', message: 'Lieu : obligatoire (par exemple « Genève, CICG »).' });
  const placeLength = lengthProblem(submission.place, PLACE_MAX, 'Lieu');
  if (placeLength) errors.push({ field: 'place', message: placeLength });
  const startsOn = readDate(submission.startsOn);
  if (!startsOn.ok) errors.push({ field: 'startsOn', message: `Premier jour : ${startsOn.message}.` });
  const endsOn = submission.endsOn === '' && startsOn.ok ? startsOn : readDate(submission.endsOn);
  if (!endsOn.ok) errors.push({ field: 'endsOn', message: `Dernier jour : ${endsOn.message}.` });
  if (startsOn.ok && endsOn.ok && endsOn.value < startsOn.value) {
    errors.push({ field: 'endsOn', message: 'Dernier jour : il précède le premier jour de la réunion.' });
  }
  const year = readYear(submission.year);
  if (!year.ok) errors.push({ field: 'year', message: `Année des rapports examinés : ${year.message}.` });
  const agendaLength = lengthProblem(submission.agenda, AGENDA_MAX, 'Ordre du jour');
  if (agendaLength) errors.push({ field: 'agenda', message: agendaLength });
  const sittingsLength = lengthProblem(submission.sittings, SITTINGS_TEXT_MAX, 'Séances');
  if (sittingsLength) errors.push({ field: 'sittings', message: sittingsLength });
  const sittings = readSittings(
    sittingsLength ? '' : submission.sittings,
    startsOn.ok ? startsOn.value : null,
    endsOn.ok ? endsOn.value : null,
  );
  if (!sittings.ok) for (const message of sittings.messages) errors.push({ field: 'sittings', message });
  const speakersFrom = (SPEAKERS_FROM as readonly string[]).includes(submission.speakersFrom)
    ? (submission.speakersFrom as SpeakersFrom)
    : null;
  if (!speakersFrom) {
    errors.push({
      field: 'speakersFrom',
      message: `Orateurs de départ : choisissez ${SPEAKERS_FROM.map((k) => `« ${SPEAKERS_FROM_LABELS[k]} »`).join(' ou ')}.`,
    });
  }
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
