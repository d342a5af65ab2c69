import { htmlProblems } from './html';

// The checker every page test relies on (test/setup/html-validator.js, one per jest worker): it must
// still find faults once it lives outside the test file's modules, and answer in this file's realm.
const page = (body: string) =>
  `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body><main>${body}</main></body></html>`;

describe('htmlProblems', () => {
  test('a valid page has none', async () => {
    const problems = await htmlProblems(page('<h1>Titre</h1><p id="indicateur-15.2">« Texte »</p>'));
    expect(problems).toEqual([]);
    expect(Array.isArray(problems) && problems instanceof Array).toBe(true);
  });

  test('a duplicate id and a stray closing tag are reported with their line, column and rule', async () => {
    const problems = await htmlProblems(page('<h1 id="a">Titre</h1>\n<p id="a">Texte</div>'));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^2:\d+ no-dup-id: /), expect.stringMatching(/^2:\d+ close-order: /)]),
    );
  });
});
