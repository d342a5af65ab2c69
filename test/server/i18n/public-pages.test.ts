import request from 'supertest';
import { testApp } from '../../helpers/context';
import { demoDatabase, OTHER_PAGE_TYPES, PAGE_TYPES } from '../../helpers/pages';
import { textOf } from '../../helpers/html';
import { LOCALES, type Locale } from '../../../server/i18n/locale';
import { MESSAGES } from '../../../server/i18n/translate';
import { answers, releases } from '../../../db/schema';

/**
 * Every public page type in English and Spanish (docs/i18n.md): the right `lang`, a switcher leading
 * to the same page in each other language, and no text from another language's message file that is
 * not also in its own.
 */

const { db, app } = testApp(demoDatabase());

/**
 * What is still French by design on an English or Spanish page: elements marked `lang="fr"` (the
 * OpenAPI document's descriptions, the files' column documentation, which are translated later) —
 * the page says their language, so a reader and a screen reader know it.
 */
function translatedText(html: string): string {
  return textOf(html.replace(/<(\w+)\b[^>]*\slang="fr"[^>]*>[\s\S]*?<\/\1>/g, ' '));
}

const PAGES = [
  ...PAGE_TYPES.map((p) => p.path),
  ...OTHER_PAGE_TYPES.map((p) => p.path),
  '/transparence',
  '/methodologie',
  '/donnees/',
  '/connexion',
];

function strings(messages: unknown): string[] {
  if (typeof messages === 'string') return [messages];
  if (messages === null || typeof messages !== 'object') return [];
  return Object.values(messages).flatMap(strings);
}

/** The fixed parts of a language's messages (what lies between their variables and markup), long enough to be telling. */
function fragments(locale: Locale): Set<string> {
  return new Set(
    strings(MESSAGES[locale])
      .flatMap((text) => text.split(/\{\{[^}]*\}\}|<[^>]*>/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 16),
  );
}

const own = Object.fromEntries(LOCALES.map((l) => [l, strings(MESSAGES[l]).join('\n')])) as Record<Locale, string>;
/** Fragments of the other languages' messages that the page's own language's messages never say. */
const foreign = (locale: Locale) =>
  [...new Set(LOCALES.filter((l) => l !== locale).flatMap((l) => [...fragments(l)]))].filter((part) => !own[locale].includes(part));

/** The path of `path` in `locale`. */
const inLocale = (locale: Locale, path: string) => (locale === 'fr' ? path : `/${locale}${path}`);

/**
 * The catalogue's texts (sections, actions, indicators, committees, populations) are translated
 * apart from the message files (issue 17, point 3): a fragment they also contain is not counted.
 */
let catalogueText = '';
beforeAll(async () => {
  const notes = db
    .select({ note: releases.note })
    .from(releases)
    .all()
    .map((r) => r.note ?? '');
  // Answers' sources and notes (« Rapport au titre de l’article 7 (2026), section V ») are data too,
  // written in the language of the report they cite.
  const sources = db
    .select({ source: answers.source, note: answers.note })
    .from(answers)
    .all()
    .flatMap((a) => [a.source ?? '', a.note ?? '']);
  // Release notes are data written by the Unit, in the language it chose.
  catalogueText = [...strings((await request(app).get('/api/v1/catalogue')).body), ...notes, ...new Set(sources)].join('\n');
});

describe.each(['en', 'es'] as const)('public pages in %s', (locale) => {
  let others: string[] = [];
  beforeAll(() => {
    others = foreign(locale).filter((part) => !catalogueText.includes(part));
  });

  test('the test has foreign fragments to look for', () => {
    expect(others.length).toBeGreaterThan(50);
  });

  test.each(PAGES)(`%s`, async (path) => {
    const res = await request(app).get(inLocale(locale, path));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${locale}">`);
    const text = translatedText(res.text);
    expect({ path, foreign: others.filter((part) => text.includes(part)) }).toEqual({ path, foreign: [] });
    // Embeds have no header, hence no switcher.
    if (path.startsWith('/embed/')) return;
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(res.text)?.[0] ?? '';
    const links = [...switcher.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toEqual(LOCALES.map((l) => inLocale(l, path)));
  });
});

describe('the French pages', () => {
  test.each(['/', '/actions/5', '/indicators/1.1', '/states/AFG'])('%s has no English or Spanish message', async (path) => {
    const text = textOf((await request(app).get(path)).text);
    expect(foreign('fr').filter((part) => text.includes(part))).toEqual([]);
  });
});

describe.each(['en', 'es'] as const)('the catalogue’s texts on pages in %s', (locale) => {
  test('an indicator page and an action page show the texts in that language, never the French ones', async () => {
    const { body: french } = await request(app).get('/api/v1/catalogue');
    const { body: translated } = await request(app).get(`/api/v1/catalogue?lang=${locale}`);
    interface Catalogue {
      actions: { number: number; text: string; indicators: { code: string; text: string }[] }[];
    }
    const action = (c: Catalogue) => c.actions.find((a) => a.number === 5)!;
    const indicatorPage = textOf((await request(app).get(`/${locale}/indicators/1.1`)).text);
    const actionPage = textOf((await request(app).get(`/${locale}/actions/5`)).text);
    const indicator = (c: Catalogue) => c.actions.find((a) => a.number === 1)!.indicators.find((i) => i.code === '1.1')!;
    expect(indicatorPage).toContain(textOf(indicator(translated as Catalogue).text));
    expect(indicatorPage).not.toContain(textOf(indicator(french as Catalogue).text));
    expect(actionPage).toContain(textOf(action(translated as Catalogue).text));
    expect(actionPage).not.toContain(textOf(action(french as Catalogue).text));
    expect(actionPage).toContain(locale === 'en' ? 'own translation' : 'traducción propia');
  });
});
