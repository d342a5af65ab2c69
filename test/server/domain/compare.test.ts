import { compareCodes } from '../../../server/domain/compare';

describe('compareCodes', () => {
  test('orders indicator codes by their numbers, not as text', () => {
    expect(['11.1', '5.10', '8.2', '5.4', '1.1', '5.3', '30.1'].sort(compareCodes)).toEqual([
      '1.1',
      '5.3',
      '5.4',
      '5.10',
      '8.2',
      '11.1',
      '30.1',
    ]);
    expect(compareCodes('5.4', '5.4')).toBe(0);
    expect(Math.sign(compareCodes('5', '5.1'))).toBe(-1);
  });

  test('gives the same order past the codes it keeps parsed, for any number of distinct codes', () => {
    const codes = Array.from({ length: 3000 }, (_, i) => `${(i * 7919) % 1500}.${i % 13}`);
    const sorted = [...codes].sort(compareCodes);
    const expected = [...codes].sort((a, b) => {
      const [a1, a2] = a.split('.').map(Number);
      const [b1, b2] = b.split('.').map(Number);
      return a1! - b1! || a2! - b2!;
    });
    expect(sorted).toEqual(expected);
    expect([...codes].reverse().sort(compareCodes)).toEqual(expected);
  });
});
