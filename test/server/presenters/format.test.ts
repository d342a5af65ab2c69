import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatNumber,
  formatPercent,
  formatSigned,
  frenchFirstOfMonth,
} from '../../../server/presenters/format';

test('numbers, percentages and dates in French', () => {
  expect(formatPercent(45.4545)).toBe('45,5\u00a0%');
  expect(formatPercent(100)).toBe('100\u00a0%');
  expect(formatNumber(1234.56)).toBe('1\u00a0234,6');
  expect(formatDate('2026-04-30')).toBe('30 avril 2026');
  expect(formatDate('2025-01-01')).toBe('1er janvier 2025');
  expect(formatDate('2026-04-11')).toBe('11 avril 2026');
});

test('the first of the month is « 1er » in French, in every date format, and only there', () => {
  // 1 December 2026 at 01:11 in Geneva is 00:11 UTC.
  expect(formatDateTime('2026-12-01T00:11:00Z')).toBe('1er décembre 2026 à 01:11');
  expect(formatDay('2026-12-01T00:11:00Z')).toBe('1er décembre 2026');
  // 30 November at 23:30 UTC is already 1 December in Geneva.
  expect(formatDay('2026-11-30T23:30:00Z')).toBe('1er décembre 2026');
  expect(formatDayRange('2026-06-01', '2026-06-03')).toBe('du 1er juin 2026 au 3 juin 2026');
  expect(frenchFirstOfMonth('lun. 1 juin', 'fr')).toBe('lun. 1er juin');
  for (const other of ['11 décembre 2026 à 01:11', '21 juin 2026', 'lun. 11 juin', '31 mai 2026'])
    expect(frenchFirstOfMonth(other, 'fr')).toBe(other);
  expect(formatDateTime('2026-12-01T00:11:00Z', 'en')).toBe('1 December 2026 at 01:11');
  expect(formatDay('2026-12-01T00:11:00Z', 'es')).toBe('1 de diciembre de 2026');
  expect(frenchFirstOfMonth('lun. 1 juin', 'en')).toBe('lun. 1 juin');
});

test('signed differences carry a real minus sign and their unit', () => {
  expect(formatSigned(5.25, 'points')).toBe('+5,3\u00a0points');
  expect(formatSigned(-3, '')).toBe('−3');
  expect(formatSigned(0.01, 'points')).toBe('0\u00a0points');
});
