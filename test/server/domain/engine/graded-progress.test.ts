import { EngineSnapshot } from '../../../../server/domain/engine/engine';
import { share } from '../../../../server/domain/engine/formulas';
import { grade } from '../../../../server/domain/engine/progress';
import { answer, data, indicator, state } from './fixture';

/**
 * Graded progress (docs/method.md#graded-progress): r = observed pace / needed pace, with the needed
 * pace (T − b) / 4 points a year and the observed (v − b) / (Y − 2025). Values below come from the
 * share formula, as the engine computes them, so the percentage arithmetic's noise is in them.
 */

describe('a share going up (target 100 %)', () => {
  // b = 10 / 50 = 20 %: the needed pace is (100 − 20) / 4 = 20 points a year, 40 points by 2027.
  const b = share(10, 50);
  const at2027 = (counted: number) => grade('share', 'up', 2027, share(counted, 50), b);

  test('r = 0.95 exactly is on track, just below needs acceleration', () => {
    // v = 20 + 0.95 × 40 = 58 % = 29 / 50.
    expect(at2027(29)).toBe('on-track');
    // 57.9 %: r = 37.9 / 40 = 0.9475.
    expect(grade('share', 'up', 2027, 57.9, b)).toBe('acceleration-needed');
    expect(grade('share', 'up', 2027, 58.1, b)).toBe('on-track');
  });

  test('r = 0.5 exactly needs acceleration, just below is limited progress', () => {
    // v = 20 + 0.5 × 40 = 40 % = 20 / 50.
    expect(at2027(20)).toBe('acceleration-needed');
    expect(grade('share', 'up', 2027, 39.9, b)).toBe('limited-progress');
    expect(grade('share', 'up', 2027, 40.1, b)).toBe('acceleration-needed');
  });

  test('r = 0 (unchanged) is limited progress, any fall is moving away', () => {
    expect(at2027(10)).toBe('limited-progress');
    expect(grade('share', 'up', 2027, 20.1, b)).toBe('limited-progress');
    expect(grade('share', 'up', 2027, 19.9, b)).toBe('moving-away');
    expect(at2027(9)).toBe('moving-away');
  });

  test('100 % is the target reached, whatever the pace', () => {
    expect(at2027(50)).toBe('target-reached');
    expect(grade('share', 'up', 2026, share(7, 7), share(0, 5))).toBe('target-reached');
  });

  test('a share at 100 % in 2025 that falls is moving away (the needed pace is 0)', () => {
    expect(grade('share', 'up', 2026, share(9, 10), 100)).toBe('moving-away');
    expect(grade('share', 'up', 2026, 100, 100)).toBe('target-reached');
  });

  test('the pace is per year: the same gain is on track after one year, limited after three', () => {
    // +19 points: r = 19 / 20 after one year, 19 / 60 after three.
    expect(grade('share', 'up', 2026, 39, 20)).toBe('on-track');
    expect(grade('share', 'up', 2028, 39, 20)).toBe('limited-progress');
  });
});

describe('46.1 going down (target 0)', () => {
  // b = 8: the needed pace is (0 − 8) / 4 = −2 a year.
  test('each grade at its threshold', () => {
    // r = 0.95 after one year: v = 8 − 1.9.
    expect(grade('count', 'down', 2026, 8 - 1.9, 8)).toBe('on-track');
    expect(grade('count', 'down', 2026, 8 - 1.8, 8)).toBe('acceleration-needed');
    // r = 0.5 after two years: v = 8 − 2.
    expect(grade('count', 'down', 2027, 6, 8)).toBe('acceleration-needed');
    expect(grade('count', 'down', 2027, 6.1, 8)).toBe('limited-progress');
    expect(grade('count', 'down', 2027, 8, 8)).toBe('limited-progress');
    expect(grade('count', 'down', 2027, 9, 8)).toBe('moving-away');
  });

  test('0 is the target reached; 0 in 2025 then a finding is moving away', () => {
    expect(grade('count', 'down', 2028, 0, 8)).toBe('target-reached');
    expect(grade('count', 'down', 2026, 1, 0)).toBe('moving-away');
    expect(grade('count', 'down', 2026, 0, 0)).toBe('target-reached');
  });
});

describe('no grade without a target or without two values', () => {
  test('counts, figures, the ratio and a neutral count have no target, even in 2025', () => {
    expect(grade('count', 'up', 2027, 5, 2)).toBe('no-target');
    expect(grade('figure', 'up', 2027, 5, 2)).toBe('no-target');
    expect(grade('ratio', 'up', 2027, 50, 20)).toBe('no-target');
    expect(grade('count', 'neutral', 2027, 5, 2)).toBe('no-target');
    expect(grade('count', 'up', 2025, 2, 2)).toBe('no-target');
  });

  test('2025 itself, a missing 2025 value or a missing value of the year are not comparable', () => {
    expect(grade('share', 'up', 2025, 40, 40)).toBe('not-comparable');
    expect(grade('share', 'up', 2027, 40, null)).toBe('not-comparable');
    expect(grade('share', 'up', 2027, null, 40)).toBe('not-comparable');
    expect(grade('count', 'down', 2027, null, 3)).toBe('not-comparable');
    // Even a value at the target is not comparable without a baseline.
    expect(grade('share', 'up', 2027, 100, null)).toBe('not-comparable');
  });
});

describe('the engine grades every indicator-year', () => {
  const states = ['AAA', 'BBB', 'CCC', 'DDD'].map((c) => state(c));
  const snapshot = new EngineSnapshot(
    data({
      indicators: [
        indicator('7.1', { population: 'party' }),
        indicator('46.1', { kind: 'count', population: 'party', direction: 'down' }),
        indicator('11.1', { kind: 'count', population: 'party' }),
      ],
      states,
      answers: [
        answer(2025, 'AAA', '7.1', 'yes'),
        answer(2026, 'AAA', '7.1', 'yes'),
        answer(2026, 'BBB', '7.1', 'yes'),
        ...['AAA', 'BBB'].map((s) => answer(2025, s, '46.1', 'yes')),
        answer(2026, 'AAA', '46.1', 'yes'),
        answer(2026, 'AAA', '11.1', 'yes'),
      ],
    }),
  );

  test('7.1: 25 % → 50 % in one year, r = 25 / 18.75 ≥ 0.95: on track; 2025 not comparable; 2027 without data not comparable', () => {
    expect(snapshot.year(2026).indicators.get('7.1')!.progress).toBe('on-track');
    expect(snapshot.year(2025).indicators.get('7.1')!.progress).toBe('not-comparable');
    expect(snapshot.year(2027).indicators.get('7.1')!.progress).toBe('not-comparable');
  });

  test('46.1: 2 → 1 in one year, r = −1 / −0.5 = 2: on track; 11.1 has no target', () => {
    expect(snapshot.year(2026).indicators.get('46.1')!.progress).toBe('on-track');
    expect(snapshot.year(2026).indicators.get('11.1')!.progress).toBe('no-target');
  });
});
