/** The grades' words on French pages, as docs/method.md names them (written out: a test holds the page to them). */
export const GRADE_WORDS: Record<string, string> = {
  'target-reached': 'cible atteinte',
  'on-track': 'en bonne voie',
  'acceleration-needed': 'accélération nécessaire',
  'limited-progress': 'progrès limités',
  'moving-away': 's’éloigne de la cible',
  'not-comparable': 'non comparable',
  'no-target': 'sans cible',
};
