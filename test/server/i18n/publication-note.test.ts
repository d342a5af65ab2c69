import { lowCoverageNote, releaseNoteIn } from '../../../server/presenters/release-note';

/**
 * A first publication below the coverage threshold stores its public note in French
 * (presenters/release-note.ts): pages in English and Spanish reword its head from the figures it
 * holds, and keep the administrator's reason and note as typed; any other note is shown as stored.
 */
describe('the low-coverage note in the page’s language', () => {
  const coverage = { reports: 1234, parties: 2468 };
  const stored = lowCoverageNote(coverage, 62.5, 'Premiers rapports reçus', 'Note libre');

  test('French is stored as before', () => {
    expect(stored).toBe(
      'Publication anticipée : 1\u00a0234 / 2\u00a0468 (50\u00a0%) des États parties ont un rapport validé publié, sous le seuil de 62,5\u00a0%. Raison : Premiers rapports reçus — Note libre',
    );
    expect(releaseNoteIn(stored, 'fr')).toBe(stored);
  });

  test.each(['en', 'es'] as const)('%s: the head in the language, the figures read again, the typed words kept', (locale) => {
    const shown = releaseNoteIn(stored, locale);
    expect(shown).toBe(lowCoverageNote(coverage, 62.5, 'Premiers rapports reçus — Note libre', '', locale));
    expect(shown).not.toContain('Publication anticipée');
    expect(shown).toContain(locale === 'en' ? '1,234 / 2,468 (50%)' : '1234 / 2468 (50\u00a0%)');
  });

  test('a note typed by an administrator, or none, is shown as it is', () => {
    expect(releaseNoteIn('Correction de la réponse d’un État', 'en')).toBe('Correction de la réponse d’un État');
    expect(releaseNoteIn(null, 'es')).toBeNull();
    const empty = lowCoverageNote({ reports: 0, parties: 0 }, 50, 'Aucun rapport encore', '');
    expect(releaseNoteIn(empty, 'en')).toContain('0 / 0 (not applicable)');
  });

  test('the demonstration data’s note, stored in French, reads in the page’s language', () => {
    const stored = 'Données de démonstration, générées pour présenter l’outil : elles ne décrivent aucun État.';
    expect(releaseNoteIn(stored, 'fr')).toBe(stored);
    expect(releaseNoteIn(stored, 'en')).toBe('Demonstration data, generated to present the tool: they describe no State.');
    expect(releaseNoteIn(stored, 'es')).toBe(
      'Datos de demostración, generados para presentar la herramienta: no describen a ningún Estado.',
    );
  });
});
