import { ProblemList, sortProblems, type Problem } from '../../../../server/domain/exchange/problems';

const problem = (file: string, line: number, column = 'c'): Problem => ({ file, line, column, message: { code: 'numberMissing' } });

describe('ProblemList: the first problems in file and line order, all of them counted', () => {
  test('keeps exactly what sorting everything and taking the first ones would, whatever the order found', () => {
    const files = ['a.csv', 'b.csv'];
    const all: Problem[] = [];
    // Found out of order: b's problems first, then a's, each file's lines decreasing, plus an unknown file.
    for (let line = 3000; line >= 2; line--) all.push(problem('b.csv', line));
    for (let line = 3000; line >= 2; line--) all.push(problem('a.csv', line, 'x'), problem('a.csv', line, 'y'));
    all.push(problem('other', 1));
    const list = new ProblemList(files, 100);
    for (const p of all) list.push(p);
    expect(list.total).toBe(all.length);
    const first = list.first();
    expect(first).toEqual(sortProblems(all, files).slice(0, 100));
    // Same line: the order found is kept.
    expect(first.slice(0, 4).map((p) => `${p.file}:${p.line}:${String(p.column as string)}`)).toEqual([
      'a.csv:2:x',
      'a.csv:2:y',
      'a.csv:3:x',
      'a.csv:3:y',
    ]);
  });

  test('a million problems found in reverse order: all counted, the first thousand kept', () => {
    const list = new ProblemList(['a.csv'], 1000);
    for (let line = 1_000_000; line >= 1; line--) list.push(problem('a.csv', line));
    expect(list.total).toBe(1_000_000);
    expect(list.first()).toHaveLength(1000);
    expect(list.first().map((p) => p.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  }, 60_000);
});
