import type { Meeting } from '../../db/queries/meetings';
import { PLAN_YEARS } from '../domain/engine/types';
import { MEETING_KINDS, SPEAKERS_FROM } from '../domain/meetings/kinds';
import { AGENDA_MAX, PLACE_MAX, SITTINGS_TEXT_MAX, TITLE_MAX, type MeetingSubmission } from '../domain/meetings/meeting-form';
import { SITTINGS_MAX } from '../domain/meetings/sittings';
import type { FieldError } from '../domain/workspace/form';
import { meetingConflictMessage } from './meeting-messages';
import { MEETING_KIND_KEYS, SPEAKERS_FROM_KEYS } from './meeting-labels';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

export interface MeetingFormOptions {
  /** The meeting edited; null for a new one. */
  meeting: Meeting | null;
  /** What the user typed (after a refused save); absent: the stored values or the defaults. */
  submission?: MeetingSubmission;
  errors?: FieldError[];
  /** Saved by someone else after the form was opened. */
  conflict?: boolean;
  /** Reporting year proposed for a new meeting. */
  defaultYear: number;
}

/** The view model of views/workspace/meeting-form.hbs (create and edit). */
export function meetingFormView(options: MeetingFormOptions, locale: Locale = DEFAULT_LOCALE) {
  const { meeting, submission } = options;
  const value = (field: keyof MeetingSubmission & keyof Meeting, fallback = ''): string =>
    submission ? String(submission[field] ?? '') : meeting ? String(meeting[field]) : fallback;
  const errorOf = new Map<string, string>();
  for (const e of options.errors ?? []) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const field = (id: keyof MeetingSubmission, fallback = '') => ({
    id,
    value: value(id, fallback),
    error: errorOf.get(id) ?? null,
  });
  const kind = value('kind', 'intersessional');
  const year = value('year', String(options.defaultYear));
  const speakersFrom = value('speakersFrom', 'population');
  const errors: { field?: string; message: string }[] = options.conflict
    ? [
        {
          message: `${meetingConflictMessage(meeting, locale)} ${t(locale, 'meetings.form.conflictKept')}`,
        },
      ]
    : [...(options.errors ?? [])];
  return {
    title: meeting ? t(locale, 'meetings.form.editTitle', { title: meeting.title }) : t(locale, 'meetings.form.newTitle'),
    meeting,
    action: meeting ? `/espace/reunions/${meeting.id}` : '/espace/reunions',
    submitLabel: meeting ? t(locale, 'meetings.form.save') : t(locale, 'meetings.form.create'),
    version: meeting && !options.conflict && submission ? (submission.version ?? '') : (meeting?.version ?? ''),
    kinds: MEETING_KINDS.map((k) => ({ value: k, label: t(locale, MEETING_KIND_KEYS[k]), checked: k === kind })),
    kindError: errorOf.get('kind') ?? null,
    titleField: field('title'),
    startsOn: field('startsOn'),
    endsOn: field('endsOn'),
    place: field('place'),
    agenda: field('agenda'),
    sittings: field('sittings'),
    // Every line in trouble, not only the first: the field is a list.
    sittingsErrors: (options.errors ?? []).filter((e) => e.field === 'sittings').map((e) => e.message),
    speakersFrom: SPEAKERS_FROM.map((k) => ({ value: k, label: t(locale, SPEAKERS_FROM_KEYS[k]), checked: k === speakersFrom })),
    speakersFromError: errorOf.get('speakersFrom') ?? null,
    years: PLAN_YEARS.map((y) => ({ year: y, selected: String(y) === year })),
    yearError: errorOf.get('year') ?? null,
    limits: { title: TITLE_MAX, place: PLACE_MAX, agenda: AGENDA_MAX, sittings: SITTINGS_MAX, sittingsText: SITTINGS_TEXT_MAX },
    errors,
    errorTitle: options.conflict ? t(locale, 'meetings.form.conflictTitle') : null,
  };
}
