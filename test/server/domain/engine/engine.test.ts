import { EngineSnapshot } from '../../../../server/domain/engine/engine';
import { answer, data, figureRow, indicator, member, report, state } from './fixture';

const five = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'].map((c) => state(c));

describe('share over an entered population', () => {
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('1.1')],
      states: five,
      memberships: ['AAA', 'BBB', 'CCC', 'DDD'].map((s) => member(2025, s, 'affected')),
      answers: [
        answer(2025, 'AAA', '1.1', 'yes'),
        answer(2025, 'BBB', '1.1', 'no'),
        answer(2025, 'CCC', '1.1', 'blank'),
        // EEE is not affected: its yes must not count anywhere.
        answer(2025, 'EEE', '1.1', 'yes'),
      ],
    }),
  );
  const value = snapshot.year(2025).indicators.get('1.1')!;

  test('counts yes over the whole population; a State without answer stays in the denominator', () => {
    expect(value.numerator).toBe(1);
    expect(value.denominator).toBe(4);
    expect(value.value).toBe(25);
    expect(value.answered).toBe(2);
  });

  test('lists the States counted, not counted, and not addressed', () => {
    expect(value.states).toEqual({ yes: ['AAA'], no: ['BBB'], blank: ['CCC', 'DDD'] });
  });

  test('2025 is its own baseline: delta 0, unchanged, no projection', () => {
    expect(value).toMatchObject({ baseline: 25, delta: 0, status: 'unchanged', projection2029: null, target: 100 });
  });
});

describe('an empty population is « sans objet »', () => {
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('14.1', { population: 'article4_late' }), indicator('19.1', { kind: 'count' })],
      states: five,
      reports: [report(2025, 'AAA', '2025-04-01')],
    }),
  );
  test.each(['14.1', '19.1'])('%s has no value, not 0 and not NaN', (code) => {
    const value = snapshot.year(2025).indicators.get(code)!;
    expect(value.value).toBeNull();
    expect(value.denominator).toBe(0);
    expect(value.status).toBe('no-data');
    expect(value.delta).toBeNull();
  });
});

describe('8.1 and 8.2 are read from the reports', () => {
  const snapshot = new EngineSnapshot(
    data({
      indicators: [
        indicator('8.1', { population: 'party', derivedFrom: 'report_on_time' }),
        indicator('8.2', { population: 'party', derivedFrom: 'report_reporting_guide' }),
      ],
      states: [...five, state('NPX', { party: false })],
      reports: [
        report(2026, 'AAA', '2026-04-30', true),
        report(2026, 'BBB', '2026-05-01', true),
        report(2026, 'CCC', '2025-12-15', false),
        // A voluntary report from a State not party counts in no denominator.
        report(2026, 'NPX', '2026-03-01', true),
      ],
    }),
  );
  const year = snapshot.year(2026);

  test('a report received on 30 April is on time, on 1 May it is late', () => {
    expect(year.indicators.get('8.1')).toMatchObject({ numerator: 2, denominator: 5, value: 40, answered: 3 });
    expect(year.indicators.get('8.1')!.states).toEqual({ yes: ['AAA', 'CCC'], no: ['BBB'], blank: ['DDD', 'EEE'] });
  });

  test('8.2 counts the reports that used the Reporting Guide', () => {
    expect(year.indicators.get('8.2')).toMatchObject({ numerator: 2, denominator: 5, value: 40, answered: 3 });
    expect(year.indicators.get('8.2')!.states!.yes).toEqual(['AAA', 'BBB']);
  });
});

describe('party status on 30 April of the year', () => {
  const states = [
    state('ACA', { partyFrom: '2026-04-30' }),
    state('ACB', { partyFrom: '2026-05-01' }),
    state('WDA', { partyUntil: '2026-04-30' }),
    state('WDB', { partyUntil: '2026-05-01' }),
    state('NOT', { party: false }),
    state('OLD'),
  ];
  const snapshot = new EngineSnapshot(
    data({
      indicators: [
        indicator('11.1', { kind: 'count', population: 'party' }),
        indicator('11.3', { kind: 'count', population: 'non_party' }),
      ],
      states,
      answers: states.flatMap((s) => [answer(2026, s.iso3, '11.1', 'yes'), answer(2026, s.iso3, '11.3', 'yes')]),
    }),
  );
  const year = snapshot.year(2026);

  test('accession on 30 April counts that year, on 1 May it does not; withdrawal effective on 30 April ends it', () => {
    expect([...year.populations.get('party')].sort()).toEqual(['ACA', 'OLD', 'WDB']);
    expect([...year.populations.get('non_party')].sort()).toEqual(['ACB', 'NOT', 'WDA']);
  });

  test('count indicators count the yes of their population only', () => {
    expect(year.indicators.get('11.1')).toMatchObject({ value: 3, numerator: 3, denominator: 3 });
    expect(year.indicators.get('11.3')).toMatchObject({ value: 3, numerator: 3, denominator: 3 });
  });

  test('the State that acceded on 1 May 2026 is party in 2027', () => {
    expect(snapshot.year(2027).populations.get('party').has('ACB')).toBe(true);
  });

  test('an entered membership of a State not party that year is ignored', () => {
    const s = new EngineSnapshot(data({ states, memberships: [member(2026, 'ACB', 'affected'), member(2026, 'ACA', 'affected')] }));
    expect([...s.year(2026).populations.get('affected')]).toEqual(['ACA']);
  });
});

describe('yes(X) and obligations', () => {
  const snapshot = new EngineSnapshot(
    data({
      // 15.2 is listed before 15.1 on purpose: the order of the catalogue must not matter.
      indicators: [
        indicator('15.2', { population: 'yes', populationOf: '15.1' }),
        indicator('15.1', { kind: 'count', population: 'party', direction: 'neutral' }),
        indicator('47', { population: 'obligations' }),
      ],
      states: [...five, state('NOT', { party: false })],
      memberships: [
        member(2025, 'AAA', 'affected'),
        member(2025, 'AAA', 'article3'),
        member(2025, 'BBB', 'article4'),
        member(2025, 'BBB', 'article3'),
        member(2025, 'CCC', 'article3'),
        member(2025, 'DDD', 'victims'),
      ],
      answers: [
        answer(2025, 'AAA', '15.1', 'yes'),
        answer(2025, 'BBB', '15.1', 'yes'),
        answer(2025, 'CCC', '15.1', 'no'),
        answer(2025, 'NOT', '15.1', 'yes'),
        answer(2025, 'AAA', '15.2', 'yes'),
        answer(2025, 'CCC', '15.2', 'yes'),
        answer(2025, 'AAA', '47', 'yes'),
        answer(2025, 'DDD', '47', 'yes'),
      ],
    }),
  );
  const year = snapshot.year(2025);

  test('yes(15.1) is the States counted by 15.1, and 15.2 is a share of them', () => {
    expect(year.indicators.get('15.1')).toMatchObject({ value: 2, numerator: 2, denominator: 5 });
    expect(year.indicators.get('15.2')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    expect(year.indicators.get('15.2')!.states).toEqual({ yes: ['AAA'], no: [], blank: ['BBB'] });
  });

  test('obligations is a union that counts each State once', () => {
    expect([...year.populations.get('obligations')].sort()).toEqual(['AAA', 'BBB', 'CCC']);
    expect(year.indicators.get('47')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(year.indicators.get('47')!.value).toBeCloseTo(100 / 3, 12);
  });
});

describe('figures and ratios', () => {
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('5.3', { kind: 'figure', population: null }), indicator('5.4', { kind: 'ratio', population: null })],
      figures: [figureRow(2025, '5.3', 12.5), figureRow(2025, '5.4', 30, 120), figureRow(2026, '5.4', 5, 0), figureRow(2026, '5.3', 10)],
    }),
  );

  test('a figure is the recorded number; a ratio is 100 × numerator / denominator', () => {
    expect(snapshot.year(2025).indicators.get('5.3')).toMatchObject({ value: 12.5, numerator: null, denominator: null, answered: null });
    expect(snapshot.year(2025).indicators.get('5.4')).toMatchObject({ value: 25, numerator: 30, denominator: 120 });
  });

  test('a ratio over 0 has no value', () => {
    expect(snapshot.year(2026).indicators.get('5.4')).toMatchObject({ value: null, numerator: 5, denominator: 0, status: 'no-data' });
  });

  test('a figure without target has no target and no verdict', () => {
    expect(snapshot.year(2026).indicators.get('5.3')).toMatchObject({ delta: -2.5, status: 'worsened', target: null, reachesTarget: null });
  });
});

describe('progress against 2025', () => {
  const states = ['AAA', 'BBB', 'CCC', 'DDD'].map((c) => state(c));
  const snapshot = new EngineSnapshot(
    data({
      indicators: [
        indicator('46.1', { kind: 'count', population: 'party', direction: 'down' }),
        indicator('7.1', { population: 'party' }),
        indicator('15.1', { kind: 'count', population: 'party', direction: 'neutral' }),
      ],
      states,
      answers: [
        ...['AAA', 'BBB', 'CCC'].map((s) => answer(2025, s, '46.1', 'yes')),
        answer(2026, 'AAA', '46.1', 'yes'),
        answer(2026, 'BBB', '46.1', 'yes'),
        answer(2025, 'AAA', '7.1', 'yes'),
        answer(2027, 'AAA', '7.1', 'yes'),
        answer(2027, 'BBB', '7.1', 'yes'),
        answer(2025, 'AAA', '15.1', 'yes'),
        answer(2026, 'AAA', '15.1', 'yes'),
        answer(2026, 'BBB', '15.1', 'yes'),
      ],
    }),
  );

  test('46.1 going down is an improvement, and the pace reaches the target 0', () => {
    expect(snapshot.year(2026).indicators.get('46.1')).toMatchObject({
      value: 2,
      baseline: 3,
      delta: -1,
      status: 'improved',
      target: 0,
      // 3 − 1 × 4 = −1, bounded to 0.
      projection2029: 0,
      reachesTarget: true,
    });
  });

  test('a share going up improves; the projection follows the pace since 2025', () => {
    expect(snapshot.year(2027).indicators.get('7.1')).toMatchObject({
      value: 50,
      baseline: 25,
      delta: 25,
      status: 'improved',
      // 25 + 25 × 4 / 2 = 75.
      projection2029: 75,
      target: 100,
      reachesTarget: false,
    });
  });

  test('a share going down worsens', () => {
    expect(snapshot.year(2026).indicators.get('7.1')).toMatchObject({ value: 0, delta: -25, status: 'worsened', projection2029: 0 });
  });

  test('a neutral indicator that moves is « changed », neither better nor worse', () => {
    expect(snapshot.year(2026).indicators.get('15.1')).toMatchObject({ delta: 1, status: 'changed', target: null });
  });

  test('a year without any data has no values at all', () => {
    expect(snapshot.year(2028).hasData).toBe(false);
    expect(snapshot.year(2028).indicators.get('7.1')).toMatchObject({ value: null, denominator: null, states: null, status: 'no-data' });
    expect(snapshot.latestYear()).toBe(2027);
    expect(snapshot.yearsWithData()).toEqual([2025, 2026, 2027]);
  });

  test('without a 2025 value there is no baseline', () => {
    const s = new EngineSnapshot(
      data({ indicators: [indicator('7.1', { population: 'party' })], states, answers: [answer(2026, 'AAA', '7.1', 'yes')] }),
    );
    expect(s.year(2026).indicators.get('7.1')).toMatchObject({
      value: 25,
      baseline: null,
      delta: null,
      status: 'no-baseline',
      projection2029: null,
    });
  });
});

describe('early-warning flags (action 47)', () => {
  const snapshot = new EngineSnapshot(
    data({
      states: five,
      memberships: [2025, 2026].flatMap((y) => [member(y, 'AAA', 'affected'), member(y, 'BBB', 'article3'), member(y, 'CCC', 'article4')]),
      reports: [report(2025, 'BBB', '2025-04-01'), report(2026, 'CCC', '2026-04-01'), report(2026, 'DDD', '2026-04-01')],
    }),
  );

  test('a State with obligations and no report two years running is flagged', () => {
    const flags = snapshot.year(2026).flags;
    expect([...flags.keys()]).toEqual(['AAA']);
    expect(flags.get('AAA')![0]).toMatchObject({ code: 'no-report-two-years', action: 47, years: [2025, 2026] });
  });

  test('nobody is flagged in 2025: the year before is outside the plan', () => {
    expect(snapshot.year(2025).flags.size).toBe(0);
  });
});
