import type { Catalogue, CatalogueIndicator, CatalogueMechanism } from '../catalogue';
import { EngineSnapshot } from '../engine/engine';
import { EARLY_WARNING_ACTION } from '../engine/flags';
import { status } from '../engine/progress';
import type { EngineData, IndicatorResult, StateFlag } from '../engine/types';
import { isReportOnTime } from '../registry';
import { dataAt, entriesFrom, type DataChange } from './changes-since';
import type { MeetingPlan, PlannedItem } from './plan';
import { byStateNameOrder } from './speaker-groups';

/**
 * The Coordinating Committee's pack (issue 7): for each mechanism that leads actions, what changed
 * since the Committee last met — reports received, reports validated, indicators that moved — the
 * open early-warning flags and its item at the next intersessional meeting.
 */

/** The period the pack looks at: [from, until), ISO timestamps; `from` null: since the audit trail began. */
export interface PackWindow {
  from: string | null;
  until: string;
}

const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/**
 * From the first day of the Committee's previous meeting to the first day of this one, or to now
 * when this one is still to come (nothing after now is known yet). When both meetings are still
 * to come the window is empty rather than reversed.
 */
export function packWindow(previousStartsOn: string | null, startsOn: string, now: Date): PackWindow {
  const from = previousStartsOn === null ? null : dayStart(previousStartsOn);
  const nowIso = now.toISOString();
  const start = dayStart(startsOn);
  const until = nowIso < start ? nowIso : start;
  return { from, until: from !== null && from > until ? from : until };
}

/** An audit entry with who made the change. */
export type PackEntry = DataChange & { actor: string };

export interface ReceivedReport {
  year: number;
  state: string;
  receivedOn: string;
  onTime: boolean;
  /** When it was entered, and by whom. */
  at: string;
  actor: string;
}

export interface ValidatedReport {
  year: number;
  state: string;
  /** The State's answers that year to the indicators of the actions the mechanism leads. */
  answers: number;
  at: string;
  actor: string;
}

export type ChangeStatus = 'improved' | 'worsened' | 'changed';

export interface IndicatorChange {
  indicator: CatalogueIndicator;
  before: IndicatorResult;
  after: IndicatorResult;
  /** By the indicator's direction; `changed` for a neutral indicator, or when one side has no value. */
  status: ChangeStatus;
}

export interface FlaggedState {
  state: string;
  flags: StateFlag[];
}

export interface MechanismPack {
  mechanism: CatalogueMechanism;
  /** The indicators of the actions it leads, in catalogue order. */
  indicators: CatalogueIndicator[];
  reports: ReceivedReport[];
  validations: ValidatedReport[];
  changes: IndicatorChange[];
  flags: FlaggedState[];
  /** Its items of the next intersessional meeting's plan (none without such a meeting). */
  agenda: PlannedItem[];
}

/** A report received or validated in the window, once, with the mechanisms whose States or indicators it concerns. */
export interface PackReport {
  year: number;
  state: string;
  received: ReceivedReport | null;
  validated: ValidatedReport | null;
  /** Mechanism ids, in catalogue order. */
  mechanisms: string[];
}

/** A State with open early-warning flags, once, with the mechanisms that follow it. */
export interface PackFlag {
  state: string;
  flags: StateFlag[];
  mechanisms: string[];
}

export interface CoordinationPack {
  year: number;
  window: PackWindow;
  /** The earliest change in the window (to date a window that starts with the audit trail). */
  firstEntryAt: string | null;
  mechanisms: MechanismPack[];
  /** The reports of every mechanism's lists, each once (newest year first, then in French order). */
  reports: PackReport[];
  /** The flagged States of every mechanism's lists, each once, in French order. */
  flags: PackFlag[];
}

/** The mechanisms' lists merged: each report and each flagged State once, with the mechanisms that list it. */
function mergeLists(
  mechanisms: readonly MechanismPack[],
  order: (a: string, b: string) => number,
): { reports: PackReport[]; flags: PackFlag[] } {
  const reports = new Map<string, PackReport>();
  const flags = new Map<string, PackFlag>();
  const reportOf = (year: number, state: string) => {
    const key = `${year}:${state}`;
    let report = reports.get(key);
    if (!report) reports.set(key, (report = { year, state, received: null, validated: null, mechanisms: [] }));
    return report;
  };
  const add = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  for (const m of mechanisms) {
    for (const r of m.reports) {
      const report = reportOf(r.year, r.state);
      report.received = r;
      add(report.mechanisms, m.mechanism.id);
    }
    for (const v of m.validations) {
      const report = reportOf(v.year, v.state);
      // The answers counted are the mechanism's own: across the pack, the report's answers to every listed mechanism's indicators.
      report.validated = report.validated ? { ...report.validated, answers: report.validated.answers + v.answers } : v;
      add(report.mechanisms, m.mechanism.id);
    }
    for (const f of m.flags) {
      let flag = flags.get(f.state);
      if (!flag) flags.set(f.state, (flag = { state: f.state, flags: f.flags, mechanisms: [] }));
      add(flag.mechanisms, m.mechanism.id);
    }
  }
  return {
    reports: [...reports.values()].sort((a, b) => b.year - a.year || order(a.state, b.state)),
    flags: [...flags.values()].sort((a, b) => order(a.state, b.state)),
  };
}

export interface PackInput {
  catalogue: Catalogue;
  /** The reporting year the meeting looks at. */
  year: number;
  window: PackWindow;
  /** The audit entries at or after the window's start (all of them when it has none), any order. */
  entries: readonly PackEntry[];
  /** The data as it stands now (workspace: drafts included), and the engine computed from it. */
  data: EngineData;
  engine: EngineSnapshot;
  /** The next intersessional meeting's plan, or null. */
  plan: MeetingPlan | null;
}

/** The engine on the data of the window's start and end: each rebuilt by undoing what came after it. */
function snapshotsOfWindow(input: PackInput): { before: EngineSnapshot; after: EngineSnapshot } {
  const { from, until } = input.window;
  const afterStart = from === null ? input.entries : entriesFrom(input.entries, from);
  const afterEnd = entriesFrom(input.entries, until);
  return {
    before: new EngineSnapshot(dataAt(input.data, afterStart)),
    // Usually nothing came after the end (it is now): the current engine is the end's.
    after: afterEnd.length === 0 ? input.engine : new EngineSnapshot(dataAt(input.data, afterEnd)),
  };
}

/** Value, n or N moved: a share can keep its percentage while its population changes. */
const moved = (a: IndicatorResult, b: IndicatorResult) =>
  a.value !== b.value || a.numerator !== b.numerator || a.denominator !== b.denominator;

export function indicatorChange(indicator: CatalogueIndicator, before: IndicatorResult, after: IndicatorResult): IndicatorChange | null {
  if (!moved(before, after)) return null;
  const byDirection = status(after.value, before.value, indicator.direction);
  return { indicator, before, after, status: byDirection === 'improved' || byDirection === 'worsened' ? byDirection : 'changed' };
}

export function buildPack(input: PackInput): CoordinationPack {
  const { catalogue, year, window, engine } = input;
  const inWindow = input.entries.filter((e) => (window.from === null || e.at >= window.from) && e.at < window.until);
  const { before, after } = snapshotsOfWindow(input);
  const current = engine.year(year);
  const flags = current.flags;
  const order = byStateNameOrder((iso3) => engine.stateName(iso3));
  const byYearThenName = (a: { year: number; state: string }, b: { year: number; state: string }) =>
    b.year - a.year || order(a.state, b.state);
  const json = (text: string | null): Record<string, unknown> => (text === null ? {} : (JSON.parse(text) as Record<string, unknown>));

  const mechanisms = catalogue.mechanisms
    // The Coordinating Committee leads no action: the pack is its view of the others.
    .filter((m) => m.lead.length > 0)
    .map((mechanism): MechanismPack => {
      const led = new Set(mechanism.lead);
      const indicators = catalogue.actions.filter((a) => led.has(a.number)).flatMap((a) => a.indicators);
      // The States its indicators look at this year: the populations of its shares and counts.
      const concerned = new Set<string>();
      for (const indicator of indicators) {
        const engineIndicator = engine.indicator(indicator.code);
        if (engineIndicator && (indicator.kind === 'share' || indicator.kind === 'count')) {
          for (const state of current.populations.of(engineIndicator)) concerned.add(state);
        }
      }
      const answersOf = (answerYear: number, state: string) =>
        indicators.filter((i) => engine.answersTo(answerYear, i.code).has(state)).length;

      const reports = inWindow
        .filter((e) => e.entity === 'report' && e.operation === 'insert' && e.year !== null && e.state !== null && concerned.has(e.state))
        .map((e): ReceivedReport => {
          const received = json(e.after).received_on;
          const receivedOn = typeof received === 'string' ? received : '';
          return {
            year: e.year!,
            state: e.state!,
            receivedOn,
            onTime: isReportOnTime({ year: e.year!, receivedOn }),
            at: e.at,
            actor: e.actor,
          };
        })
        .sort(byYearThenName);

      const validations = inWindow
        .filter((e) => e.entity === 'validation' && e.operation === 'insert' && e.year !== null && e.state !== null)
        .map((e): ValidatedReport => ({ year: e.year!, state: e.state!, answers: answersOf(e.year!, e.state!), at: e.at, actor: e.actor }))
        .filter((v) => concerned.has(v.state) || v.answers > 0)
        .sort(byYearThenName);

      const changes = indicators
        .map((i) => indicatorChange(i, before.year(year).indicators.get(i.code)!, after.year(year).indicators.get(i.code)!))
        .filter((c): c is IndicatorChange => c !== null);

      // Action 47 follows every flagged State; other mechanisms see those of their populations.
      const allFlags = led.has(EARLY_WARNING_ACTION) || mechanism.contributing.includes(EARLY_WARNING_ACTION);
      const flagged = [...flags.keys()]
        .filter((state) => allFlags || concerned.has(state))
        .sort(order)
        .map((state) => ({ state, flags: flags.get(state)! }));

      return {
        mechanism,
        indicators,
        reports,
        validations,
        changes,
        flags: flagged,
        agenda: input.plan?.items.filter((item) => item.item.mechanism === mechanism.id) ?? [],
      };
    });

  const firstEntryAt = inWindow.reduce<string | null>((first, e) => (first === null || e.at < first ? e.at : first), null);
  return { year, window, firstEntryAt, mechanisms, ...mergeLists(mechanisms, order) };
}
