import type { GuidelineGroup, GuidelineItem, MeetingGuidelines } from '../../../seed/meeting-guidelines';
import type { EngineSnapshot } from '../engine/engine';
import { BASELINE_YEAR, type AnswerValue, type Report, type StateFlag } from '../engine/types';
import { isReportOnTime } from '../registry';
import type { MeetingPlan } from './plan';

/**
 * The briefing cards of an intersessional meeting (issue 7): one card per present speaking State,
 * in the order of the plan (agenda item, speaker group, position), so that a chair can prepare
 * questions from what the State reported. Pure: the plan and the engine's snapshot in, data out.
 */

/** Which cards to print: all of them, one agenda item's, or one speaker group's. */
export interface BriefingScope {
  item: number | null;
  group: string | null;
  /** One State's card of the group (its full detail); null: every card of the scope. */
  state?: string | null;
}

/** Why the asked scope is refused, as a code and what its message needs (presenters/meeting-problems.ts words it). */
export type ScopeProblem =
  | { code: 'notAStateCode'; typed: string }
  | { code: 'stateNeedsGroup' }
  | { code: 'unknownItem'; point: string; numbers: number[] }
  | { code: 'unknownGroup'; group: string }
  | { code: 'groupOfOtherItem'; group: string; owner: number; item: number };

export type ScopeReading = { ok: true; scope: BriefingScope } | { ok: false; problem: ScopeProblem };

/**
 * The scope from the query's `point` and `groupe` ('' when absent), checked against the guidelines;
 * an unknown value gets a problem naming what exists.
 */
export function readBriefingScope(guidelines: MeetingGuidelines, raw: { point: string; groupe: string; etat?: string }): ScopeReading {
  const state = (raw.etat ?? '').toUpperCase();
  if (state !== '' && !/^[A-Z]{3}$/.test(state)) {
    return { ok: false, problem: { code: 'notAStateCode', typed: (raw.etat ?? '').slice(0, 20) } };
  }
  if (state !== '' && raw.groupe === '') return { ok: false, problem: { code: 'stateNeedsGroup' } };
  const read = readItemAndGroup(guidelines, raw);
  return read.ok ? { ok: true, scope: { ...read.scope, state: state === '' ? null : state } } : read;
}

function readItemAndGroup(guidelines: MeetingGuidelines, raw: { point: string; groupe: string }): ScopeReading {
  const numbers = guidelines.items.map((i) => i.number);
  let item: GuidelineItem | null = null;
  if (raw.point !== '') {
    item = /^[0-9]{1,3}$/.test(raw.point) ? (guidelines.items.find((i) => i.number === Number(raw.point)) ?? null) : null;
    if (!item) {
      return { ok: false, problem: { code: 'unknownItem', point: raw.point, numbers } };
    }
  }
  if (raw.groupe === '') return { ok: true, scope: { item: item?.number ?? null, group: null } };
  const owner = guidelines.items.find((i) => i.groups.some((g) => g.key === raw.groupe));
  if (!owner) {
    return { ok: false, problem: { code: 'unknownGroup', group: raw.groupe } };
  }
  if (item && item.number !== owner.number) {
    return { ok: false, problem: { code: 'groupOfOtherItem', group: raw.groupe, owner: owner.number, item: item.number } };
  }
  return { ok: true, scope: { item: owner.number, group: raw.groupe } };
}

/** A State's Article 7 report for one year: missing (null report), on time or late. */
export interface CardReport {
  year: number;
  report: Report | null;
  /** Received by 30 April of its year (null: no report). */
  onTime: boolean | null;
  /** Party that year: a State not party owes no report (any report is voluntary). */
  party: boolean;
}

/** What a State said on an indicator in one year. */
export type CardAnswer =
  /** The engine has no data at all for the year: nothing can be said. */
  | { kind: 'no-data' }
  /** The State is not in the indicator's population that year: the question is not put to it. */
  | { kind: 'outside' }
  /** `entered`: an answer row exists (a missing one counts as « non traité », docs/method.md#answers). */
  | { kind: 'answer'; value: AnswerValue; entered: boolean; source: string | null; note: string | null };

export interface CardIndicator {
  code: string;
  /** One per year of the card, in the card's order of years. */
  answers: CardAnswer[];
}

export interface BriefingCard {
  item: GuidelineItem;
  group: GuidelineGroup;
  state: string;
  name: string;
  /** Rank among the group's present speakers, from 1. */
  order: number;
  /** Present speakers in the group. */
  speakers: number;
  minutes: number;
  /** The actions the card covers: the group's, else the item's. */
  actions: number[];
  /** The meeting's year, then the baseline year when it differs. */
  reports: CardReport[];
  /** Early-warning flags of the meeting's year. */
  flags: StateFlag[];
  /** The share and count indicators of the actions, in catalogue order. */
  indicators: CardIndicator[];
  /** Figures and ratios of the actions: one number for all States, so no answer of the State. */
  withoutAnswers: string[];
  /** The State's answers of the meeting's year, counted. */
  tally: CardTally;
  /** « oui » answers of the baseline year on the same indicators; null when the meeting looks at the baseline year. */
  yesBefore: number | null;
  /** What changed since the baseline year, then what is « non » or without answer: what a chair asks about. */
  points: CardPoint[];
}

export interface CardTally {
  yes: number;
  no: number;
  /** « non traité » or no answer entered. */
  blank: number;
  /** Indicators whose population the State is not in. */
  outside: number;
  /** No data at all for the year. */
  noData: number;
}

/** `changed`: the answer differs from the baseline year's; `no`, `blank`: unchanged but open. */
export type CardPointKind = 'changed' | 'no' | 'blank';

export interface CardPoint {
  code: string;
  kind: CardPointKind;
  now: AnswerValue;
  /** The baseline year's answer, when the State was asked then. */
  before: AnswerValue | null;
}

const POINT_ORDER: Record<CardPointKind, number> = { changed: 0, no: 1, blank: 2 };

/** Counts the answers of one year (the first of `answers` of each indicator). */
function tallyOf(indicators: readonly CardIndicator[], column: number): CardTally {
  const tally: CardTally = { yes: 0, no: 0, blank: 0, outside: 0, noData: 0 };
  for (const indicator of indicators) {
    const answer = indicator.answers[column];
    if (!answer || answer.kind === 'no-data') tally.noData++;
    else if (answer.kind === 'outside') tally.outside++;
    else tally[answer.value]++;
  }
  return tally;
}

/** The indicators a chair asks about, changes first, in catalogue order within each kind. */
function pointsOf(indicators: readonly CardIndicator[]): CardPoint[] {
  const points: CardPoint[] = [];
  for (const indicator of indicators) {
    const [now, before] = indicator.answers;
    if (now?.kind !== 'answer') continue;
    const earlier = before?.kind === 'answer' ? before.value : null;
    if (earlier !== null && earlier !== now.value) points.push({ code: indicator.code, kind: 'changed', now: now.value, before: earlier });
    else if (now.value !== 'yes') points.push({ code: indicator.code, kind: now.value, now: now.value, before: earlier });
  }
  return points.sort((a, b) => POINT_ORDER[a.kind] - POINT_ORDER[b.kind]);
}

export interface Briefing {
  year: number;
  /** The meeting's year, then the baseline year when it differs: the columns of every card. */
  years: number[];
  cards: BriefingCard[];
  /** Speakers of the scope marked absent: they get no card. */
  absent: number;
}

function cardAnswer(engine: EngineSnapshot, year: number, code: string, state: string): CardAnswer {
  const result = engine.year(year);
  const indicator = engine.indicator(code);
  if (!result.hasData || !indicator) return { kind: 'no-data' };
  if (!result.populations.of(indicator).has(state)) return { kind: 'outside' };
  // The engine's own split, so that the card says exactly what the indicator counted.
  const states = result.indicators.get(code)?.states;
  const value: AnswerValue = states?.yes.includes(state) ? 'yes' : states?.no.includes(state) ? 'no' : 'blank';
  const row = engine.answer(year, code, state) ?? null;
  return { kind: 'answer', value, entered: row !== null, source: row?.source ?? null, note: row?.note ?? null };
}

function cardReport(engine: EngineSnapshot, year: number, state: string): CardReport {
  const report = engine.report(year, state) ?? null;
  return { year, report, onTime: report ? isReportOnTime(report) : null, party: engine.year(year).populations.get('party').has(state) };
}

/** The cards of a meeting's plan for its reporting `year`, limited to `scope`. */
export function briefingCards(plan: MeetingPlan, engine: EngineSnapshot, year: number, scope: BriefingScope): Briefing {
  const years = year === BASELINE_YEAR ? [year] : [year, BASELINE_YEAR];
  const cards: BriefingCard[] = [];
  let absent = 0;
  for (const planned of plan.items) {
    if (scope.item !== null && planned.item.number !== scope.item) continue;
    for (const { group, speakers } of planned.groups) {
      if (scope.group !== null && group.key !== scope.group) continue;
      const actions = group.actions ?? planned.item.actions;
      const indicators = engine.indicators().filter((i) => actions.includes(i.action));
      const answerable = indicators.filter((i) => i.kind === 'share' || i.kind === 'count');
      const present = speakers.filter((s) => !s.absent);
      absent += speakers.length - present.length;
      present.forEach((speaker, index) => {
        if (scope.state && speaker.state !== scope.state) return;
        const answers = answerable.map((i) => ({ code: i.code, answers: years.map((y) => cardAnswer(engine, y, i.code, speaker.state)) }));
        cards.push({
          item: planned.item,
          group,
          state: speaker.state,
          name: speaker.name,
          order: index + 1,
          speakers: present.length,
          minutes: speaker.minutes,
          actions,
          reports: years.map((y) => cardReport(engine, y, speaker.state)),
          flags: engine.year(year).flags.get(speaker.state) ?? [],
          indicators: answers,
          withoutAnswers: indicators.filter((i) => !answerable.includes(i)).map((i) => i.code),
          tally: tallyOf(answers, 0),
          yesBefore: years.length > 1 ? tallyOf(answers, 1).yes : null,
          points: pointsOf(answers),
        });
      });
    }
  }
  return { year, years, cards, absent };
}
