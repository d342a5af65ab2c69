import { foreignPhrases, phrasesOnlyIn } from './foreign-phrases';

// The check the language tests rely on: a phrase of another language's message file, on a page, is found.
describe('foreignPhrases', () => {
  test('finds a French-only phrase left in an English text, and nothing in the same text without it', () => {
    const french = phrasesOnlyIn('fr', 'en');
    expect(french.length).toBeGreaterThan(100);
    const phrase = french[Math.floor(french.length / 2)]!;
    const text = `The figures of the year.   ${phrase}   Every State counts.`;
    expect(foreignPhrases(text, 'en')).toEqual([phrase]);
    expect(foreignPhrases('The figures of the year. Every State counts.', 'en')).toEqual([]);
  });

  test('a phrase of the page’s own message file is not foreign', () => {
    for (const phrase of phrasesOnlyIn('fr', 'en').slice(0, 50)) expect(foreignPhrases(phrase, 'fr')).toEqual([]);
  });
});
