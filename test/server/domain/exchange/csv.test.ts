import { readCsv, readCsvInSlices, type CsvReadResult, type CsvTable } from '../../../../server/domain/exchange/csv';
import type { Problem } from '../../../../server/domain/exchange/problems';
import { problemColumnText, saidText } from '../../../../server/i18n/problem-text';

/** Problems as the import words them in French: the column and the message as text. */
const inFrench = (problems: Problem[]) =>
  problems.map((p) => ({ ...p, column: problemColumnText(p.column), message: saidText(p.message) }));
const wordedResult = (result: CsvReadResult) => (result.ok ? result : { ...result, problems: inFrench(result.problems) });

function table(content: string | Buffer): CsvTable {
  const result = readCsv('t.csv', content);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
}

const lines = (t: CsvTable) => t.records.map((r) => [r.line, ...r.values]);

describe('reading a CSV file into records with line numbers', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('each record carries the line where it starts, after multi-line quoted fields (%s)', (_name, eol) => {
    const content = ['a,b', '1,"x', 'y', 'z"', '', '2,3', '"4', '",5', '6,"7,8"'].join(eol) + eol;
    const t = table(content);
    expect(t.header).toEqual({ line: 1, values: ['a', 'b'] });
    expect(lines(t)).toEqual([
      [2, '1', `x${eol}y${eol}z`],
      [6, '2', '3'],
      [7, `4${eol}`, '5'],
      [9, '6', '7,8'],
    ]);
  });

  test('a BOM is dropped and does not shift lines; blank and space-only lines are skipped', () => {
    const t = table(Buffer.from('\ufeff\r\na;b\r\n   \r\n1;2\r\n;\r\n3;4', 'utf8'));
    expect(t.separator).toBe(';');
    expect(t.header).toEqual({ line: 2, values: ['a', 'b'] });
    expect(lines(t)).toEqual([
      [4, '1', '2'],
      [6, '3', '4'],
    ]);
  });

  test.each([
    ['readCsv', (content: Buffer) => Promise.resolve(readCsv('t.csv', content))],
    ['readCsvInSlices', (content: Buffer) => readCsvInSlices('t.csv', content)],
  ])('%s: Excel’s `sep=` line names the separator and is not a record; lines keep their numbers', async (_name, read) => {
    const result = await read(Buffer.from('\ufeffsep=,\r\na;b,c\r\n\r\n1;2,3\r\n4,"5\r\n', 'utf8'));
    if (result.ok) throw new Error('an unclosed quote is refused');
    // The quote opened on line 5 is placed there, the `sep=` line counted.
    expect(inFrench(result.problems)).toEqual([
      { file: 't.csv', line: 5, column: 'fichier', message: 'guillemet ouvert et jamais fermé à partir de cette ligne' },
    ]);
    const t = table(Buffer.from('\ufeffsep=,\r\na;b,c\r\n\r\n1;2,3\r\n', 'utf8'));
    expect(t.separator).toBe(',');
    expect(t.header).toEqual({ line: 2, values: ['a;b', 'c'] });
    expect(lines(t)).toEqual([[4, '1;2', '3']]);
  });

  test('trailing blank header columns, as LibreOffice writes them, name no column', () => {
    const t = table('year;state;population;;;\n2025;AFG;affected;;;\n');
    expect(t.header).toEqual({ line: 1, values: ['year', 'state', 'population'] });
    expect(lines(t)).toEqual([[2, '2025', 'AFG', 'affected', '', '', '']]);
  });

  test('the separator comes from the header line, whatever the data lines hold', () => {
    expect(table('a,b,c\n"1;2",3,4\n').separator).toBe(',');
    expect(table('a;b;c\n1,5;2,5;3\n').separator).toBe(';');
    expect(lines(table('a;b;c\n1,5;2,5;3\n'))).toEqual([[2, '1,5', '2,5', '3']]);
  });

  test('non-ASCII text keeps its place: offsets are counted in bytes', () => {
    const t = table('nom,note\n"Côte d’Ivoire","é\nà"\nÉtat,ü\n');
    expect(lines(t)).toEqual([
      [2, 'Côte d’Ivoire', 'é\nà'],
      [4, 'État', 'ü'],
    ]);
  });

  test('a syntax error is placed on the record where it starts', () => {
    expect(wordedResult(readCsv('t.csv', 'a,b\n1,2\n\n3,"x\ny\n'))).toEqual({
      ok: false,
      problems: [{ file: 't.csv', line: 4, column: 'fichier', message: 'guillemet ouvert et jamais fermé à partir de cette ligne' }],
    });
    const misplaced = readCsv('t.csv', 'a,b\n1,2\n3,"x"y\n');
    expect(misplaced.ok).toBe(false);
    if (!misplaced.ok) expect(inFrench(misplaced.problems)[0]).toMatchObject({ line: 3, column: 'fichier' });
  });
});

describe('readCsvInSlices: the same result as readCsv, the event loop free meanwhile', () => {
  const big = (rows: number) => {
    const body = Array.from({ length: rows }, (_, i) => `2025;AFG;1.${i % 50};oui;"Rapport\r\narticle 7; p. ${i}";`);
    return '\ufeffyear;state;indicator;answer;source;note\r\n' + body.join('\r\n') + '\r\n';
  };

  test.each([
    ['a large file whose quoted line breaks straddle the slices', big(20_000)],
    ['an unclosed quote', 'a,b\n1,2\n3,"4\n5,6\n'],
    ['too many fields', `a,b\n1,2\n${'x,'.repeat(60)}x\n`],
    ['a line that is too long', `a,b\n1,"${'y'.repeat(30_000)}"\n`],
    ['an empty file', ''],
    ['not UTF-8', Buffer.from([0x61, 0x2c, 0xe9, 0x0a])],
  ])(
    '%s',
    async (_name, content) => {
      expect(await readCsvInSlices('t.csv', content)).toEqual(readCsv('t.csv', content));
    },
    60_000,
  );

  test('a timer set while a large file is read fires before the reading ends', async () => {
    const content = big(60_000);
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const read = await readCsvInSlices('t.csv', content);
    expect(fired).toBe(true);
    expect(read.ok && read.table.records.length).toBe(60_000);
  }, 60_000);
});
