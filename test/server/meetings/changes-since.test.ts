import { EngineSnapshot } from '../../../server/domain/engine/engine';
import type { Answer, EngineData, Figure, Membership, Report } from '../../../server/domain/engine/types';
import type { RegistryState } from '../../../server/domain/registry';
import { dataAt, entriesFrom, type DataChange } from '../../../server/domain/meetings/changes-since';

/**
 * dataAt rebuilds the data of a past moment by undoing the audit entries after it. The entries
 * here are written as the triggers of migration 0003 write them: JSON with snake_case keys,
 * booleans as 0/1, the row's key in the entry's own columns.
 */

const INDICATORS: EngineData['indicators'] = [
  { code: '1.1', action: 1, kind: 'share', population: 'affected', populationOf: null, direction: 'up', derivedFrom: null },
  { code: '5.3', action: 5, kind: 'figure', population: null, populationOf: null, direction: 'up', derivedFrom: null },
  { code: '5.4', action: 5, kind: 'ratio', population: null, populationOf: null, direction: 'up', derivedFrom: null },
];

const state = (iso3: string, party = true, partyFrom: string | null = null): RegistryState => ({
  iso3,
  nameFr: `Nom ${iso3}`,
  nameEn: `Name ${iso3}`,
  party,
  partyFrom,
  partyUntil: null,
});

function baseData(): EngineData {
  return {
    indicators: INDICATORS,
    states: [state('AAA'), state('BBB'), state('CCC')],
    memberships: [
      { year: 2026, state: 'AAA', population: 'affected' },
      { year: 2026, state: 'BBB', population: 'affected' },
    ],
    reports: [{ year: 2026, state: 'AAA', receivedOn: '2026-04-01', usedReportingGuide: true }],
    answers: [{ year: 2026, state: 'AAA', indicator: '1.1', answer: 'yes', source: 'Rapport', note: null }],
    figures: [{ year: 2026, indicator: '5.3', value: 12, denominator: null }],
  };
}

let nextId = 100;

const answerValues = (answer: Answer['answer'], source: string | null = null) => ({ answer, source, note: null });
/** The entry of an update of AAA's or BBB's answer to 1.1 in 2026. */
const answerUpdate = (state: string, from: object, to: object, id?: number) =>
  entry({
    ...(id ? { id } : {}),
    entity: 'answer',
    operation: 'update',
    year: 2026,
    state,
    indicator: '1.1',
    beforeValues: from,
    afterValues: to,
  });
type EntryFields = Pick<DataChange, 'entity' | 'operation'> & Partial<DataChange> & { beforeValues?: object; afterValues?: object };

/** An audit entry; `beforeValues`/`afterValues` are written as the triggers' JSON. */
function entry(change: EntryFields): DataChange {
  const { beforeValues, afterValues, ...rest } = change;
  return {
    id: nextId++,
    at: '2026-06-01T10:00:00.000Z',
    year: null,
    state: null,
    indicator: null,
    before: beforeValues ? JSON.stringify(beforeValues) : null,
    after: afterValues ? JSON.stringify(afterValues) : null,
    ...rest,
  };
}

/** A table's rows in a stable order, to compare data whatever order the rows come in. */
const sorted = <T>(rows: readonly T[]) => [...rows].map((r) => JSON.stringify(r)).sort();
function expectSameData(actual: EngineData, expected: EngineData) {
  expect(sorted(actual.answers)).toEqual(sorted(expected.answers));
  expect(sorted(actual.reports)).toEqual(sorted(expected.reports));
  expect(sorted(actual.memberships)).toEqual(sorted(expected.memberships));
  expect(sorted(actual.figures)).toEqual(sorted(expected.figures));
  expect(actual.states).toEqual(expected.states);
}

describe('dataAt', () => {
  test('without entries after the moment, the data is the current data', () => {
    const current = baseData();
    expect(dataAt(current, [])).toBe(current);
  });

  test('answers: an insert is removed, an update and a delete put back the row as it was', () => {
    const current = baseData();
    current.answers.push({ year: 2026, state: 'BBB', indicator: '1.1', answer: 'yes', source: null, note: 'inséré' });
    const at = dataAt(current, [
      entry({
        entity: 'answer',
        operation: 'insert',
        year: 2026,
        state: 'BBB',
        indicator: '1.1',
        afterValues: { answer: 'yes', source: null, note: 'inséré' },
      }),
      entry({
        entity: 'answer',
        operation: 'update',
        year: 2026,
        state: 'AAA',
        indicator: '1.1',
        beforeValues: { answer: 'no', source: 'Ancienne source', note: 'avant' },
        afterValues: { answer: 'yes', source: 'Rapport', note: null },
      }),
      entry({
        entity: 'answer',
        operation: 'delete',
        year: 2026,
        state: 'CCC',
        indicator: '1.1',
        beforeValues: { answer: 'blank', source: null, note: null },
      }),
    ]);
    expect(sorted(at.answers)).toEqual(
      sorted<Answer>([
        { year: 2026, state: 'AAA', indicator: '1.1', answer: 'no', source: 'Ancienne source', note: 'avant' },
        { year: 2026, state: 'CCC', indicator: '1.1', answer: 'blank', source: null, note: null },
      ]),
    );
  });

  test('reports: the received date and the Reporting Guide (0/1 in the trail) are put back', () => {
    const current = baseData();
    current.reports.push({ year: 2026, state: 'BBB', receivedOn: '2026-05-10', usedReportingGuide: false });
    const at = dataAt(current, [
      entry({
        entity: 'report',
        operation: 'insert',
        year: 2026,
        state: 'BBB',
        afterValues: { received_on: '2026-05-10', used_reporting_guide: 0 },
      }),
      entry({
        entity: 'report',
        operation: 'update',
        year: 2026,
        state: 'AAA',
        beforeValues: { received_on: '2026-05-20', used_reporting_guide: 0 },
        afterValues: { received_on: '2026-04-01', used_reporting_guide: 1 },
      }),
      entry({
        entity: 'report',
        operation: 'delete',
        year: 2025,
        state: 'CCC',
        beforeValues: { received_on: '2025-04-30', used_reporting_guide: 1 },
      }),
    ]);
    expect(sorted(at.reports)).toEqual(
      sorted<Report>([
        { year: 2026, state: 'AAA', receivedOn: '2026-05-20', usedReportingGuide: false },
        { year: 2025, state: 'CCC', receivedOn: '2025-04-30', usedReportingGuide: true },
      ]),
    );
  });

  test('memberships: the population is part of the key, so an update swaps the new population for the old one', () => {
    const current = baseData();
    current.memberships.push({ year: 2026, state: 'CCC', population: 'victims' });
    const at = dataAt(current, [
      entry({ entity: 'membership', operation: 'insert', year: 2026, state: 'CCC', afterValues: { population: 'victims' } }),
      entry({
        entity: 'membership',
        operation: 'update',
        year: 2026,
        state: 'BBB',
        beforeValues: { population: 'donor' },
        afterValues: { population: 'affected' },
      }),
      entry({ entity: 'membership', operation: 'delete', year: 2026, state: 'CCC', beforeValues: { population: 'article3' } }),
    ]);
    expect(sorted(at.memberships)).toEqual(
      sorted<Membership>([
        { year: 2026, state: 'AAA', population: 'affected' },
        { year: 2026, state: 'BBB', population: 'donor' },
        { year: 2026, state: 'CCC', population: 'article3' },
      ]),
    );
  });

  test('figures: value and denominator are put back, a null denominator stays null', () => {
    const current = baseData();
    current.figures.push({ year: 2026, indicator: '5.4', value: 30, denominator: 100 });
    const at = dataAt(current, [
      entry({
        entity: 'figure',
        operation: 'update',
        year: 2026,
        indicator: '5.3',
        beforeValues: { value: 7.5, denominator: null },
        afterValues: { value: 12, denominator: null },
      }),
      entry({ entity: 'figure', operation: 'insert', year: 2026, indicator: '5.4', afterValues: { value: 30, denominator: 100 } }),
      entry({ entity: 'figure', operation: 'delete', year: 2025, indicator: '5.4', beforeValues: { value: 20, denominator: 80 } }),
    ]);
    expect(sorted(at.figures)).toEqual(
      sorted<Figure>([
        { year: 2026, indicator: '5.3', value: 7.5, denominator: null },
        { year: 2025, indicator: '5.4', value: 20, denominator: 80 },
      ]),
    );
  });

  test('States of the registry: inserted ones go, changed and deleted ones come back, in ISO order', () => {
    const current = baseData();
    current.states = [state('AAA'), state('BBB'), state('CCC', true, '2026-01-01'), state('DDD')];
    const at = dataAt(current, [
      entry({
        entity: 'state',
        operation: 'insert',
        state: 'DDD',
        afterValues: { name_fr: 'Nom DDD', name_en: 'Name DDD', party: 1, party_from: null, party_until: null },
      }),
      entry({
        entity: 'state',
        operation: 'update',
        state: 'CCC',
        beforeValues: { name_fr: 'Ancien nom', name_en: 'Old name', party: 0, party_from: null, party_until: null },
        afterValues: { name_fr: 'Nom CCC', name_en: 'Name CCC', party: 1, party_from: '2026-01-01', party_until: null },
      }),
      entry({
        entity: 'state',
        operation: 'delete',
        state: 'ABC',
        beforeValues: { name_fr: 'Nom ABC', name_en: 'Name ABC', party: 1, party_from: '1999-03-01', party_until: '2027-01-01' },
      }),
    ]);
    expect(at.states).toEqual([
      state('AAA'),
      { iso3: 'ABC', nameFr: 'Nom ABC', nameEn: 'Name ABC', party: true, partyFrom: '1999-03-01', partyUntil: '2027-01-01' },
      state('BBB'),
      { iso3: 'CCC', nameFr: 'Ancien nom', nameEn: 'Old name', party: false, partyFrom: null, partyUntil: null },
    ]);
  });

  test('validations and publications change nothing the engine reads', () => {
    const current = baseData();
    const at = dataAt(current, [
      entry({
        entity: 'validation',
        operation: 'insert',
        year: 2026,
        state: 'AAA',
        afterValues: { validated_by: 1, validated_at: '2026-06-01' },
      }),
      entry({ entity: 'publication', operation: 'insert', year: 2026, afterValues: { published: 1, published_at: '2026-06-01' } }),
    ]);
    expectSameData(at, current);
  });

  test('changes are undone newest first by entry id, whatever order they are given in', () => {
    const current = baseData();
    // blank (id 1) → no (id 2) → yes (id 3): undoing both updates gives back blank.
    const changes = [
      answerUpdate('AAA', answerValues('blank'), answerValues('no'), 2),
      answerUpdate('AAA', answerValues('no'), answerValues('yes', 'Rapport'), 3),
    ];
    const expected = [{ year: 2026, state: 'AAA', indicator: '1.1', answer: 'blank', source: null, note: null }];
    expect(dataAt(current, changes).answers).toEqual(expected);
    expect(dataAt(current, [...changes].reverse()).answers).toEqual(expected);
  });

  test('the current data is left as it was', () => {
    const current = baseData();
    const copy = JSON.parse(JSON.stringify(current)) as EngineData;
    dataAt(current, [
      entry({
        entity: 'answer',
        operation: 'delete',
        year: 2026,
        state: 'BBB',
        indicator: '1.1',
        beforeValues: { answer: 'no', source: null, note: null },
      }),
      entry({
        entity: 'state',
        operation: 'insert',
        state: 'AAA',
        afterValues: { name_fr: 'Nom AAA', name_en: 'Name AAA', party: 1, party_from: null, party_until: null },
      }),
    ]);
    expect(current).toEqual(copy);
  });

  test('a recorded history, undone from its end, gives back the data after each of its steps', () => {
    // Each step changes the data and records the entry the triggers would write.
    type Step = (data: EngineData) => { data: EngineData; change: Omit<DataChange, 'id' | 'at'> };
    const answerJson = (a: Pick<Answer, 'answer' | 'source' | 'note'>) =>
      JSON.stringify({ answer: a.answer, source: a.source, note: a.note });
    const steps: Step[] = [
      (d) => ({
        data: { ...d, memberships: [...d.memberships, { year: 2026, state: 'CCC', population: 'affected' }] },
        change: {
          entity: 'membership',
          operation: 'insert',
          year: 2026,
          state: 'CCC',
          indicator: null,
          before: null,
          after: '{"population":"affected"}',
        },
      }),
      (d) => ({
        data: { ...d, answers: [...d.answers, { year: 2026, state: 'BBB', indicator: '1.1', answer: 'no', source: null, note: null }] },
        change: {
          entity: 'answer',
          operation: 'insert',
          year: 2026,
          state: 'BBB',
          indicator: '1.1',
          before: null,
          after: answerJson({ answer: 'no', source: null, note: null }),
        },
      }),
      (d) => ({
        data: { ...d, answers: d.answers.map((a) => (a.state === 'BBB' ? { ...a, answer: 'yes' as const, source: 'Corrigé' } : a)) },
        change: {
          entity: 'answer',
          operation: 'update',
          year: 2026,
          state: 'BBB',
          indicator: '1.1',
          before: answerJson({ answer: 'no', source: null, note: null }),
          after: answerJson({ answer: 'yes', source: 'Corrigé', note: null }),
        },
      }),
      (d) => ({
        data: { ...d, reports: [...d.reports, { year: 2026, state: 'CCC', receivedOn: '2026-05-02', usedReportingGuide: true }] },
        change: {
          entity: 'report',
          operation: 'insert',
          year: 2026,
          state: 'CCC',
          indicator: null,
          before: null,
          after: '{"received_on":"2026-05-02","used_reporting_guide":1}',
        },
      }),
      (d) => ({
        data: { ...d, answers: d.answers.filter((a) => a.state !== 'AAA') },
        change: {
          entity: 'answer',
          operation: 'delete',
          year: 2026,
          state: 'AAA',
          indicator: '1.1',
          before: answerJson({ answer: 'yes', source: 'Rapport', note: null }),
          after: null,
        },
      }),
      (d) => ({
        data: { ...d, figures: d.figures.map((f) => ({ ...f, value: 15 })) },
        change: {
          entity: 'figure',
          operation: 'update',
          year: 2026,
          state: null,
          indicator: '5.3',
          before: '{"value":12,"denominator":null}',
          after: '{"value":15,"denominator":null}',
        },
      }),
    ];
    const snapshots = [baseData()];
    const entries: DataChange[] = [];
    steps.forEach((step, i) => {
      const { data, change } = step(snapshots[i]!);
      snapshots.push(data);
      entries.push({ ...change, id: 1000 + i, at: `2026-06-0${i + 1}T09:00:00.000Z` });
    });
    const current = snapshots.at(-1)!;
    snapshots.forEach((snapshot, k) => {
      expectSameData(dataAt(current, entries.slice(k)), snapshot);
      // The same, found by time: the entries at or after the moment of step k.
      const moment = `2026-06-0${k + 1}T00:00:00.000Z`;
      expectSameData(dataAt(current, entriesFrom(entries, moment)), snapshot);
    });
  });

  test('the engine computes on the rebuilt data the value the indicator had then', () => {
    const current = baseData();
    current.answers.push({ year: 2026, state: 'BBB', indicator: '1.1', answer: 'yes', source: null, note: null });
    const earlier = dataAt(current, [answerUpdate('BBB', answerValues('no'), answerValues('yes'))]);
    const now = new EngineSnapshot(current).year(2026).indicators.get('1.1')!;
    const then = new EngineSnapshot(earlier).year(2026).indicators.get('1.1')!;
    expect([now.numerator, now.denominator]).toEqual([2, 2]);
    expect([then.numerator, then.denominator, then.value]).toEqual([1, 2, 50]);
  });
});
