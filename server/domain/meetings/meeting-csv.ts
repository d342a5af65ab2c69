import type { Cell } from '../exchange/csv-write';
import { rowsCsv } from '../releases/open-data';
import type { MeetingPlan } from './plan';

/**
 * The speakers' list and the agenda of an intersessional meeting as CSV files (with a BOM, for
 * spreadsheets). The columns are stable codes; the words in the cells (yes/no, the totals' labels)
 * come in `words`, in the language of whoever downloads them (docs/i18n.md, « The workspace »).
 */
export interface MeetingCsvWords {
  yes: string;
  no: string;
  itemTotal: (item: number) => string;
  meetingTotal: string;
}

export const SPEAKER_COLUMNS = [
  'point',
  'intitule_point',
  'groupe',
  'nom_groupe',
  'rang',
  'iso3',
  'etat',
  'present',
  'ajoute',
  'minutes',
] as const;

export function speakersCsv(plan: MeetingPlan, words: MeetingCsvWords): string {
  const rows = plan.items.flatMap(({ item, groups }) =>
    groups.flatMap(({ group, speakers }) =>
      speakers.map((s) => ({
        point: item.number,
        intitule_point: item.title,
        groupe: group.key,
        nom_groupe: group.name,
        rang: s.position,
        iso3: s.state,
        etat: s.name,
        present: s.absent ? words.no : words.yes,
        ajoute: s.added ? words.yes : words.no,
        minutes: s.minutes,
      })),
    ),
  );
  return rowsCsv(SPEAKER_COLUMNS, rows, { bom: true });
}

export const AGENDA_COLUMNS = [
  'point',
  'intitule_point',
  'partie',
  'questions',
  'interventions',
  'minutes_par_intervention',
  'minutes',
] as const;

/**
 * One row per speaker group and one for the other States and organisations of each item, then the
 * item's total and, last, the meeting's total: the same sums as the meeting page.
 */
export function agendaCsv(plan: MeetingPlan, otherSpeakers: { name: string; minutes: number }, words: MeetingCsvWords): string {
  const rows: Record<(typeof AGENDA_COLUMNS)[number], Cell>[] = plan.items.flatMap((planned) => [
    ...planned.groups.map(({ group, present, minutes }) => ({
      point: planned.item.number,
      intitule_point: planned.item.title,
      partie: group.name,
      questions: group.questions.length,
      interventions: present,
      minutes_par_intervention: group.minutes,
      minutes,
    })),
    {
      point: planned.item.number,
      intitule_point: planned.item.title,
      partie: otherSpeakers.name,
      questions: '',
      interventions: planned.otherInterventions,
      minutes_par_intervention: otherSpeakers.minutes,
      minutes: planned.otherMinutes,
    },
    {
      point: planned.item.number,
      intitule_point: planned.item.title,
      partie: words.itemTotal(planned.item.number),
      questions: '',
      interventions: planned.groups.reduce((sum, g) => sum + g.present, 0) + planned.otherInterventions,
      minutes_par_intervention: '',
      minutes: planned.minutes,
    },
  ]);
  rows.push({
    point: '',
    intitule_point: '',
    partie: words.meetingTotal,
    questions: '',
    interventions: plan.present + plan.items.reduce((sum, i) => sum + i.otherInterventions, 0),
    minutes_par_intervention: '',
    minutes: plan.minutes,
  });
  return rowsCsv(AGENDA_COLUMNS, rows, { bom: true });
}
