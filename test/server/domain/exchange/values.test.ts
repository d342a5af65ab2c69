import { readAnswer, readBoolean, readDate, readNumber, readYear, type Cell } from '../../../../server/domain/exchange/values';
import { valueProblemText } from '../../../../server/i18n/problem-text';

// A problem as the import says it in French.
const value = <T>(cell: Cell<T>) => (cell.ok ? cell.value : valueProblemText(cell.problem));

describe('reading cells', () => {
  test.each(['yes', 'OUI', ' true ', '1', 'VRAI', 'vrai'])('« %s » is true', (raw) => expect(value(readBoolean(raw))).toBe(true));
  test.each(['no', 'Non', 'FALSE', '0', 'FAUX', 'Faux'])('« %s » is false', (raw) => expect(value(readBoolean(raw))).toBe(false));

  test.each([
    ['yes', 'yes'],
    ['Oui', 'yes'],
    ['1', 'yes'],
    ['non', 'no'],
    ['0', 'no'],
    ['VRAI', 'yes'],
    ['FAUX', 'no'],
    ['', 'blank'],
    ['  ', 'blank'],
    ['Vide', 'blank'],
    ['blank', 'blank'],
  ])('answer « %s » is %s', (raw, expected) => expect(value(readAnswer(raw))).toBe(expected));

  test.each([
    ['12', 12],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['-3', -3],
    ['1 234,5', 1234.5],
    ['1\u202f234', 1234],
    [',5', 0.5],
    ['1e3', 1000],
  ])('number « %s » is %d', (raw, expected) => expect(value(readNumber(raw))).toBe(expected));

  test.each(['douze', '1,2,3', '1.2.3', 'Infinity', '0x10', '12 %'])('« %s » is not a number', (raw) =>
    expect(readNumber(raw).ok).toBe(false),
  );

  test('real calendar dates only', () => {
    expect(value(readDate('2028-02-29'))).toBe('2028-02-29');
    expect(value(readDate('2026-02-29'))).toBe('date impossible « 2026-02-29 » : ce jour n’existe pas');
    expect(value(readDate('2026-04-31'))).toBe('date impossible « 2026-04-31 » : ce jour n’existe pas');
    expect(readDate('2026-4-1').ok).toBe(false);
  });

  test('JJ/MM/AAAA, as French spreadsheets write dates, is the same ISO date; other writings are not guessed', () => {
    expect(value(readDate('30/04/2026'))).toBe('2026-04-30');
    expect(value(readDate(' 1/5/2026 '))).toBe('2026-05-01');
    expect(value(readDate('29/02/2028'))).toBe('2028-02-29');
    expect(value(readDate('29/02/2026'))).toBe('date impossible « 29/02/2026 » : ce jour n’existe pas');
    // Month first: there is no 13th month, and 04/05 would be read as 4 May.
    expect(value(readDate('12/31/2026'))).toBe('date impossible « 12/31/2026 » : ce jour n’existe pas');
    for (const raw of ['30/04/26', '30.04.2026', '30-04-2026', '2026/04/30']) {
      expect(value(readDate(raw))).toBe(
        `date invalide « ${raw} » : le format AAAA-MM-JJ ou JJ/MM/AAAA est attendu (par exemple 2026-04-30 ou 30/04/2026)`,
      );
    }
  });

  test('years 2025 to 2029', () => {
    expect(value(readYear(' 2029 '))).toBe(2029);
    expect(readYear('2024').ok).toBe(false);
    expect(readYear('2025.0').ok).toBe(false);
  });
});
