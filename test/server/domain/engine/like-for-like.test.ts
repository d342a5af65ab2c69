import { EngineSnapshot } from '../../../../server/domain/engine/engine';
import { answer, data, figureRow, indicator, member, state } from './fixture';

/**
 * Like-for-like (docs/method.md#like-for-like): the change among the States in the population both
 * in 2025 and in the year, beside the headline change, which a State joining the population moves.
 */

describe('two States join the population and one leaves', () => {
  const states = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF'].map((c) => state(c));
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('17.1'), indicator('19.1', { kind: 'count' }), indicator('5.3', { kind: 'figure', population: null })],
      states,
      memberships: [
        ...['AAA', 'BBB', 'CCC', 'DDD'].map((s) => member(2025, s, 'affected')),
        // DDD completed its clearance; EEE and FFF declared newly mined areas.
        ...['AAA', 'BBB', 'CCC', 'EEE', 'FFF'].map((s) => member(2026, s, 'affected')),
      ],
      answers: [
        answer(2025, 'AAA', '17.1', 'yes'),
        answer(2025, 'BBB', '17.1', 'no'),
        answer(2025, 'DDD', '17.1', 'yes'),
        answer(2026, 'AAA', '17.1', 'yes'),
        answer(2026, 'BBB', '17.1', 'yes'),
        answer(2026, 'EEE', '17.1', 'yes'),
        answer(2026, 'FFF', '17.1', 'yes'),
        answer(2026, 'AAA', '19.1', 'yes'),
      ],
      figures: [figureRow(2025, '5.3', 3), figureRow(2026, '5.3', 4)],
    }),
  );
  const result = snapshot.year(2026).indicators.get('17.1')!;

  test('the headline change: 2 / 4 = 50 % in 2025, 4 / 5 = 80 % in 2026, +30 points', () => {
    expect(result).toMatchObject({ baseline: 50, value: 80, numerator: 4, denominator: 5 });
    expect(result.delta).toBeCloseTo(30, 12);
  });

  test('the cohort AAA, BBB, CCC: 1 counted in 2025 (AAA), 2 in 2026 (AAA, BBB), +33.3 points', () => {
    expect(result.likeForLike).toEqual({
      denominator: 3,
      numerator2025: 1,
      numerator: 2,
      delta: (100 * (2 - 1)) / 3,
      entered: ['EEE', 'FFF'],
      left: ['DDD'],
    });
    expect(result.likeForLike!.delta).not.toBeCloseTo(result.delta!, 0);
  });

  test('null in 2025, for counts and figures, and for a year without data', () => {
    expect(snapshot.year(2025).indicators.get('17.1')!.likeForLike).toBeNull();
    expect(snapshot.year(2026).indicators.get('19.1')!.likeForLike).toBeNull();
    expect(snapshot.year(2026).indicators.get('5.3')!.likeForLike).toBeNull();
    expect(snapshot.year(2027).indicators.get('17.1')!.likeForLike).toBeNull();
  });
});

describe('an unchanged population: the cohort is the population', () => {
  const states = ['AAA', 'BBB'].map((c) => state(c));
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('7.1', { population: 'party' })],
      states,
      answers: [answer(2025, 'AAA', '7.1', 'yes'), answer(2027, 'AAA', '7.1', 'yes'), answer(2027, 'BBB', '7.1', 'yes')],
    }),
  );

  test('the like-for-like change equals the headline change, nobody entered or left', () => {
    const r = snapshot.year(2027).indicators.get('7.1')!;
    expect(r.delta).toBe(50);
    expect(r.likeForLike).toEqual({ denominator: 2, numerator2025: 1, numerator: 2, delta: 50, entered: [], left: [] });
  });
});

describe('no State in the population both years', () => {
  const snapshot = new EngineSnapshot(
    data({
      indicators: [indicator('17.1')],
      states: ['AAA', 'BBB'].map((c) => state(c)),
      memberships: [member(2025, 'AAA', 'affected'), member(2026, 'BBB', 'affected')],
      answers: [answer(2025, 'AAA', '17.1', 'yes'), answer(2026, 'BBB', '17.1', 'yes')],
    }),
  );

  test('an empty cohort gives no like-for-like comparison', () => {
    expect(snapshot.year(2026).indicators.get('17.1')!.likeForLike).toBeNull();
  });
});
