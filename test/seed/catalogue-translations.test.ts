import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../db/client';
import { catalogueTexts, catalogueTranslations } from '../../db/schema';
import { SEED_DATA_DIR, readSeedCatalogue } from '../../seed/catalogue';
import { checkTranslation, readCatalogueTranslation, translationFile } from '../../seed/catalogue-translations';
import { loadSeed } from '../../seed/load';
import { readMeetingGuidelines } from '../../seed/meeting-guidelines';
import { readSeedRegistry } from '../../seed/registry';
import { useTempDir } from '../helpers/temp-dir';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const LOCALES = ['en', 'es'] as const;

/** The translations of the catalogue (docs/i18n.md#the-catalogue-in-three-languages). */
describe('seed/data/catalogue.{en,es}.json', () => {
  const dir = useTempDir('catalogue-i18n-');

  test.each(LOCALES)('%s: every code of the French catalogue and guidelines has a text, and no other code', (locale) => {
    const translation = readCatalogueTranslation(locale)!;
    expect(translation.language).toBe(locale);
    expect(translation.translation).toBe('unofficial');
    expect(checkTranslation(translation)).toEqual({ missing: [], unknown: [] });
    // Every section's introduction, paragraph for paragraph.
    for (const section of readSeedCatalogue().sections) {
      expect(translation.sections[section.number]!.introduction).toHaveLength(section.introduction.length);
    }
  });

  test.each(LOCALES)('%s: no text is left in French', (locale) => {
    const translation = readCatalogueTranslation(locale)!;
    const french = readSeedCatalogue();
    const frenchTexts = new Set([...french.actions.map((a) => a.text), ...french.actions.flatMap((a) => a.indicators.map((i) => i.text))]);
    const texts = [...Object.values(translation.actions), ...Object.values(translation.indicators)];
    expect(texts.filter((t) => frenchTexts.has(t))).toEqual([]);
  });

  test('the check fails on a missing code, an unknown code and questions that do not line up', () => {
    const translation = structuredClone(readCatalogueTranslation('en')!);
    delete translation.indicators['30.4'];
    delete translation.mechanisms.compliance;
    translation.indicators['30.9'] = 'An indicator the plan does not have';
    translation.guidelines.groups.article3!.questions[2]!.details.pop();
    expect(checkTranslation(translation, readSeedCatalogue(), readMeetingGuidelines())).toEqual({
      missing: ['indicators.30.4', 'mechanisms.compliance'],
      unknown: ['indicators.30.9', 'guidelines.groups.article3.questions'],
    });
  });

  /** A copy of seed/data/ with the English file changed by `edit`. */
  function dataDirWith(edit: (data: Record<string, unknown>) => void): string {
    for (const name of fs.readdirSync(SEED_DATA_DIR)) fs.copyFileSync(path.join(SEED_DATA_DIR, name), dir.file(name));
    const data = JSON.parse(fs.readFileSync(translationFile('en'), 'utf8')) as Record<string, unknown>;
    edit(data);
    fs.writeFileSync(translationFile('en', dir.path), JSON.stringify(data));
    return dir.path;
  }

  test('a file naming a code the catalogue lacks is refused with a French message naming the file and the code', () => {
    const data = dataDirWith((d) => ((d.actions as Record<string, string>)['49'] = 'No such action'));
    expect(() => readCatalogueTranslation('en', data)).toThrow(/catalogue\.en\.json : codes absents du catalogue français .*actions\.49/);
  });

  test('a file of the wrong shape or language is refused, naming the file and the field', () => {
    const bad = dataDirWith((d) => (d.translation = 'draft'));
    expect(() => readCatalogueTranslation('en', bad)).toThrow(/catalogue\.en\.json : données invalides \(translation:/);
    const wrong = dataDirWith((d) => (d.language = 'es'));
    expect(() => readCatalogueTranslation('en', wrong)).toThrow(/la langue déclarée « es » n’est pas celle du nom du fichier/);
  });

  test('the seed loads each language with its mark; reloading changes nothing; a file removed takes its texts away', () => {
    const db = openDatabase(':memory:');
    const first = loadSeed(db);
    expect(first.catalogueTranslations.inserted).toBe(2);
    expect(first.catalogueTexts.inserted).toBeGreaterThan(2 * (48 + 106));
    expect(
      db
        .select()
        .from(catalogueTranslations)
        .all()
        .map((t) => [t.locale, t.translation]),
    ).toEqual([
      ['en', 'unofficial'],
      ['es', 'unofficial'],
    ]);
    const again = loadSeed(db);
    expect(again.catalogueTexts).toEqual({ inserted: 0, updated: 0, unchanged: first.catalogueTexts.inserted, deleted: 0 });
    const onlyEnglish = loadSeed(db, readSeedCatalogue(), readSeedRegistry(), [readCatalogueTranslation('en')!]);
    expect(onlyEnglish.catalogueTranslations.deleted).toBe(1);
    expect(
      new Set(
        db
          .select()
          .from(catalogueTexts)
          .all()
          .map((t) => t.locale),
      ),
    ).toEqual(new Set(['en']));
    db.$client.close();
  });
});

describe('npm run seed:verify -- --lang en FILE', () => {
  const dir = useTempDir('verify-lang-', { each: false });

  const verify = (...args: string[]) => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'seed/verify-source.ts', ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 110_000,
      },
    );
    return { status: result.status, out: `${result.stdout}${result.stderr}` };
  };

  /**
   * A small stand-in for the official English text: the translation's action and indicator texts laid
   * out as a document would be (numbered, wrapped, one word split across lines), without `drop`.
   */
  function documentWithout(drop: string): string {
    const translation = readCatalogueTranslation('en')!;
    const lines = Object.entries(translation.actions).flatMap(([number, text]) => [
      `Action ${number}`,
      number === drop ? '' : text.replace(/ (\S+) /, '\n$1\n'),
      ...Object.entries(translation.indicators)
        .filter(([code]) => code === number || code.startsWith(`${number}.`))
        .map(([code, t]) => `${code} ${t}`),
    ]);
    const file = dir.file(`source-${drop}.txt`);
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  }

  test('finds every English text in a document that holds them', () => {
    const { status, out } = verify('--lang', 'en', documentWithout('none'));
    const total = 48 + 106;
    expect(out).toContain(`${total} / ${total} textes trouvés tels quels dans la source.`);
    expect(status).toBe(0);
  });

  test('names a text the document lacks, and fails', () => {
    const { status, out } = verify('--lang', 'en', documentWithout('3'));
    expect(out).toMatch(/ABSENT {2}action 3 : Develop evidence-based, costed/);
    expect(status).toBe(1);
  });

  test('a language without a catalogue translation is refused with the usage', () => {
    const { status, out } = verify('--lang', 'de', documentWithout('none'));
    expect(out).toContain('La langue « de » n’a pas de traduction du catalogue : indiquez en ou es.');
    expect(status).toBe(2);
  });
});
