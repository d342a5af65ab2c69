import { formatDate, formatNumber, formatPercent, formatSigned } from '../../../server/presenters/format';

test('numbers, percentages and dates in French', () => {
  expect(formatPercent(45.4545)).toBe('45,5\u00a0%');
  expect(formatPercent(100)).toBe('100\u00a0%');
  expect(formatNumber(1234.56)).toBe('1\u00a0234,6');
  expect(formatDate('2026-04-30')).toBe('30 avril 2026');
  expect(formatDate('2025-01-01')).toBe('1er janvier 2025');
  expect(formatDate('2026-04-11')).toBe('11 avril 2026');
});

test('signed differences carry a real minus sign and their unit', () => {
  expect(formatSigned(5.25, 'points')).toBe('+5,3\u00a0points');
  expect(formatSigned(-3, '')).toBe('−3');
  expect(formatSigned(0.01, 'points')).toBe('0\u00a0points');
});
