import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayRange,
  formatExactNumber,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../../../server/presenters/format';

const NBSP = '\u00a0';

/** Numbers, percentages and dates in each language's conventions (docs/i18n.md#numbers-and-dates). */
describe('format.ts per locale', () => {
  test('French is the default: passing fr or nothing writes the same bytes', () => {
    const samples: [() => string, () => string][] = [
      [() => formatPercent(74.24), () => formatPercent(74.24, 'fr')],
      [() => formatNumber(1234.56), () => formatNumber(1234.56, 'fr')],
      [() => formatExactNumber(1234.125), () => formatExactNumber(1234.125, 'fr')],
      [() => formatDate('2025-01-01'), () => formatDate('2025-01-01', 'fr')],
      [() => formatDateTime('2026-11-23T13:05:00Z'), () => formatDateTime('2026-11-23T13:05:00Z', 'fr')],
      [() => formatDay('2026-11-01T10:00:00Z'), () => formatDay('2026-11-01T10:00:00Z', 'fr')],
      [() => formatDayRange('2025-06-17', '2025-06-20'), () => formatDayRange('2025-06-17', '2025-06-20', 'fr')],
      [() => formatBytes(1_234_567), () => formatBytes(1_234_567, 'fr')],
    ];
    for (const [implicit, explicit] of samples) expect(implicit()).toBe(explicit());
    expect(formatPercent(74.24)).toBe(`74,2${NBSP}%`);
    expect(formatDayRange('2025-06-17', '2025-06-20')).toBe('du 17 juin 2025 au 20 juin 2025');
  });

  test('percentages: « 74,2 % » in French and Spanish, “74.2%” in English (CLDR)', () => {
    expect(formatPercent(74.24, 'en')).toBe('74.2%');
    expect(formatPercent(74.24, 'es')).toBe(`74,2${NBSP}%`);
    expect(formatPercent(100, 'en')).toBe('100%');
  });

  test('numbers: grouping and decimal marks of each language', () => {
    expect(formatNumber(1234.56, 'fr')).toBe(`1${NBSP}234,6`);
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    // Spanish groups from five digits on (CLDR's minimum grouping digits).
    expect(formatNumber(1234.56, 'es')).toBe('1234,6');
    expect(formatNumber(12345.6, 'es')).toBe('12.345,6');
    expect(formatExactNumber(0.34, 'en')).toBe('0.34');
    expect(formatSigned(-3.26, 'points', 'en')).toBe(`−3.3${NBSP}points`);
  });

  test('dates: day month year in each language; « 1er » only in French', () => {
    expect(formatDate('2026-04-30', 'en')).toBe('30 April 2026');
    expect(formatDate('2026-04-30', 'es')).toBe('30 de abril de 2026');
    expect(formatDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatDate('2025-01-01', 'fr')).toBe('1er janvier 2025');
    expect(formatDay('2026-11-01T10:00:00Z', 'es')).toBe('1 de noviembre de 2026');
    expect(formatDateTime('2026-11-23T13:05:00Z', 'en')).toBe('23 November 2026 at 14:05');
    expect(formatDateTime('2026-11-23T13:05:00Z', 'es')).toMatch(/^23 de noviembre de 2026.*14:05$/);
  });

  test('a range of days is CLDR’s in English and Spanish; one day alone is the date', () => {
    expect(formatDayRange('2025-06-17', '2025-06-20', 'es')).toBe('17–20 de junio de 2025');
    expect(formatDayRange('2025-06-17', '2025-06-20', 'en')).toMatch(/^17\s?–\s?20 June 2025$/);
    expect(formatDayRange('2025-06-17', '2025-06-17', 'en')).toBe('17 June 2025');
  });

  test('file sizes in each language’s units', () => {
    expect(formatBytes(850, 'en')).toBe(`850${NBSP}bytes`);
    expect(formatBytes(1, 'es')).toBe(`1${NBSP}byte`);
    expect(formatBytes(1_234_567, 'es')).toBe(`1,2${NBSP}MB`);
    expect(formatBytes(34_000, 'fr')).toBe(`34${NBSP}ko`);
  });
});
