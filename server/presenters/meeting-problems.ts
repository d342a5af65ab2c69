import type { ScopeProblem } from '../domain/meetings/briefing';
import type { MeetingCsvWords } from '../domain/meetings/meeting-csv';
import type { MeetingProblem, ValueProblem } from '../domain/meetings/meeting-form';
import { MEETING_KINDS, SPEAKERS_FROM } from '../domain/meetings/kinds';
import type { RankProblem } from '../domain/meetings/reorder';
import type { SittingProblem } from '../domain/meetings/sittings';
import type { FieldError } from '../domain/workspace/form';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { MEETING_KIND_KEYS, SPEAKERS_FROM_KEYS } from './meeting-labels';
import { valueProblemText } from '../i18n/problem-text';

/**
 * The meetings' domain problems (codes with their parameters) worded in the member's language
 * (docs/i18n.md, « The workspace »). Keys are written in full for the message test.
 */

/** The label a message about a field starts with (« Intitulé : … »). */
const FIELD_LABEL_KEYS: Record<'title' | 'place' | 'agenda' | 'sittings' | 'startsOn' | 'endsOn' | 'year', string> = {
  title: 'meetings.form.title',
  place: 'meetings.form.place',
  agenda: 'meetings.problems.agendaLabel',
  sittings: 'meetings.problems.sittingsLabel',
  startsOn: 'meetings.form.startsOn',
  endsOn: 'meetings.form.endsOn',
  year: 'meetings.form.year',
};

const REQUIRED_KEYS: Record<'title' | 'place', string> = {
  title: 'meetings.problems.titleRequired',
  place: 'meetings.problems.placeRequired',
};

const SITTING_KEYS: Record<SittingProblem['code'], string> = {
  tooManyLines: 'meetings.problems.sittings.tooManyLines',
  lineFormat: 'meetings.problems.sittings.lineFormat',
  notADay: 'meetings.problems.sittings.notADay',
  badHour: 'meetings.problems.sittings.badHour',
  endsBeforeStart: 'meetings.problems.sittings.endsBeforeStart',
  outsideMeeting: 'meetings.problems.sittings.outsideMeeting',
  overlap: 'meetings.problems.sittings.overlap',
};

const SCOPE_KEYS: Record<ScopeProblem['code'], string> = {
  notAStateCode: 'meetings.problems.scope.notAStateCode',
  stateNeedsGroup: 'meetings.problems.scope.stateNeedsGroup',
  unknownItem: 'meetings.problems.scope.unknownItem',
  unknownGroup: 'meetings.problems.scope.unknownGroup',
  groupOfOtherItem: 'meetings.problems.scope.groupOfOtherItem',
};

/** A label between the language's quotation marks (« … », “…”, «…»). */
const quoted = (locale: Locale, text: string) => t(locale, 'meetings.problems.quoted', { text });

/**
 * A value's rule (server/domain/exchange/values.ts) as the form shows it: the import's wording of the
 * same value, whatever language that module gives it.
 */
const valueText = (problem: ValueProblem, locale: Locale): string => valueProblemText(problem.problem, locale);

/** One sitting's problem. */
export function sittingProblemMessage(problem: SittingProblem, locale: Locale = DEFAULT_LOCALE): string {
  const vars =
    problem.code === 'outsideMeeting' ? { ...problem, startsOn: problem.startsOn ?? '?', endsOn: problem.endsOn ?? '?' } : problem;
  return t(locale, SITTING_KEYS[problem.code], vars);
}

/** One problem of the meeting form. */
export function meetingProblemMessage(problem: MeetingProblem, locale: Locale = DEFAULT_LOCALE): string {
  switch (problem.code) {
    case 'kindChoice':
      return t(locale, 'meetings.problems.kindChoice', {
        choices: MEETING_KINDS.map((k) => quoted(locale, t(locale, MEETING_KIND_KEYS[k]))).join(', '),
      });
    case 'speakersFromChoice':
      return t(locale, 'meetings.problems.speakersFromChoice', {
        choices: new Intl.ListFormat(locale, { type: 'disjunction' }).format(
          SPEAKERS_FROM.map((k) => quoted(locale, t(locale, SPEAKERS_FROM_KEYS[k]))),
        ),
      });
    case 'required':
      return t(locale, REQUIRED_KEYS[problem.field]);
    case 'tooLong':
      return t(locale, 'meetings.problems.tooLong', {
        label: t(locale, FIELD_LABEL_KEYS[problem.field]),
        max: problem.max,
        length: problem.length,
      });
    case 'value':
      return t(locale, 'meetings.problems.value', {
        label: t(locale, FIELD_LABEL_KEYS[problem.field]),
        problem: valueText(problem.problem, locale),
      });
    case 'endsBeforeStart':
      return t(locale, 'meetings.problems.endsBeforeStart');
    case 'sittings':
      return sittingProblemMessage(problem.problem, locale);
  }
}

/** The form's problems as the form shows them: one message per problem, by field. */
export const meetingFieldErrors = (problems: readonly MeetingProblem[], locale: Locale = DEFAULT_LOCALE): FieldError[] =>
  problems.map((problem) => ({ field: problem.field, message: meetingProblemMessage(problem, locale) }));

/** A speakers' list's bad ranks, each naming its State in the list's language (`nameOf`). */
export const rankFieldErrors = (
  problems: readonly RankProblem[],
  nameOf: (iso3: string) => string,
  locale: Locale = DEFAULT_LOCALE,
): FieldError[] =>
  problems.map((problem) => ({
    field: problem.field,
    message: t(locale, 'meetings.problems.badRank', { state: nameOf(problem.state), typed: problem.typed }),
  }));

/** Why the briefing cards' filters are refused. */
export function scopeProblemMessage(problem: ScopeProblem, locale: Locale = DEFAULT_LOCALE): string {
  const vars = problem.code === 'unknownItem' ? { ...problem, numbers: problem.numbers.join(', ') } : problem;
  return t(locale, SCOPE_KEYS[problem.code], vars);
}

/** The words in the cells of a meeting's CSV files. */
export const meetingCsvWords = (locale: Locale = DEFAULT_LOCALE): MeetingCsvWords => ({
  yes: t(locale, 'meetings.spreadsheet.yes'),
  no: t(locale, 'meetings.spreadsheet.no'),
  itemTotal: (number) => t(locale, 'meetings.spreadsheet.itemTotal', { number }),
  meetingTotal: t(locale, 'meetings.spreadsheet.meetingTotal'),
});
