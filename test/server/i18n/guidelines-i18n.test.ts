import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { readGuidelinesTranslation } from '../../../seed/catalogue-translations';
import { localizeGuidelines } from '../../../server/domain/catalogue-i18n';

/** The meeting guidelines in each language (docs/i18n.md#the-catalogue-in-three-languages). */
describe('localizeGuidelines', () => {
  const french = readMeetingGuidelines();

  test('French is the source, unchanged', () => {
    const fr = localizeGuidelines(french, readGuidelinesTranslation('en'), 'fr');
    expect(fr).toMatchObject({ locale: 'fr', translation: 'source', untranslated: [] });
    expect(fr.items).toBe(french.items);
  });

  test.each(['en', 'es'] as const)(
    'in %s: items, groups, headings and questions translated; keys, populations and minutes the French file’s',
    (lang) => {
      const translation = readGuidelinesTranslation(lang)!;
      const local = localizeGuidelines(french, translation, lang);
      expect(local).toMatchObject({ locale: lang, translation: 'unofficial', untranslated: [] });
      expect(local.otherSpeakers).toEqual({ name: translation.otherSpeakers, minutes: french.otherSpeakers.minutes });
      local.items.forEach((item, i) => {
        const source = french.items[i]!;
        expect(item.title).toBe(translation.items[String(item.number)]);
        expect(item.title).not.toBe(source.title);
        expect([item.number, item.mechanism, item.actions]).toEqual([source.number, source.mechanism, source.actions]);
        item.groups.forEach((group, j) => {
          const sourceGroup = source.groups[j]!;
          expect([group.key, group.population, group.except, group.minutes]).toEqual([
            sourceGroup.key,
            sourceGroup.population,
            sourceGroup.except,
            sourceGroup.minutes,
          ]);
          expect(group.name).toBe(translation.groups[group.key]!.name);
          expect(group.questions).toEqual(translation.groups[group.key]!.questions);
        });
      });
    },
  );

  test('a group the translation lacks stays French and is named; without a translation everything is French', () => {
    const translation = structuredClone(readGuidelinesTranslation('es')!);
    delete translation.groups.article3;
    const local = localizeGuidelines(french, translation, 'es');
    expect(local.untranslated).toEqual(['guidelines.groups.article3']);
    const article3 = local.items.flatMap((i) => i.groups).find((g) => g.key === 'article3')!;
    expect(article3.name).toBe(french.items.flatMap((i) => i.groups).find((g) => g.key === 'article3')!.name);
    expect(localizeGuidelines(french, null, 'en')).toMatchObject({ translation: 'source', untranslated: ['guidelines'] });
  });
});
