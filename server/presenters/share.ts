import type { CatalogueAction, CatalogueIndicator } from '../domain/catalogue';
import type { DataView } from '../data-source';
import { latestReleaseView } from './release-view';
import { indicatorDetail } from './indicator-detail';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * « Intégrer » (the iframe code of an embed) and the share cards (OpenGraph and Twitter meta, and
 * the image they point to) of the indicator, action and transparency pages. Absolute addresses come
 * from PUBLIC_URL (server/config.ts), never from the request. A card is drawn in the language of the
 * page that shares it: its address carries `?lang=` (as the API's do), one image per language.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export const embedPaths = {
  indicator: (code: string) => `/embed/indicators/${encodeURIComponent(code)}`,
  action: (n: number) => `/embed/actions/${n}`,
  transparency: '/embed/transparence',
};

/** `?lang=` of a card in `locale`; none for French, so that French cards keep their address. */
const cardLang = (locale: Locale) => (locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`);

export const cardPaths = {
  indicator: (code: string, locale: Locale = DEFAULT_LOCALE) =>
    `/partage/indicators/${encodeURIComponent(code)}/carte.png${cardLang(locale)}`,
  action: (n: number, locale: Locale = DEFAULT_LOCALE) => `/partage/actions/${n}/carte.png${cardLang(locale)}`,
  transparency: (locale: Locale = DEFAULT_LOCALE) => `/partage/transparence/carte.png${cardLang(locale)}`,
};

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface EmbedCodeView {
  what: string;
  path: string;
  code: string;
}

/** The « Intégrer » box: the iframe to paste in another site's page. */
export function embedCode(publicUrl: string, path: string, title: string, what: string, height: number): EmbedCodeView {
  return {
    what,
    path,
    code: `<iframe src="${attribute(publicUrl + path)}" title="${attribute(title)}" width="100%" height="${height}" loading="lazy"></iframe>`,
  };
}

export interface ShareView {
  title: string;
  description: string;
  url: string;
  image: string;
  imageAlt: string;
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

export function shareView(
  publicUrl: string,
  page: string,
  card: string,
  title: string,
  description: string,
  locale: Locale = DEFAULT_LOCALE,
): ShareView {
  return {
    title,
    description: shorten(description, 200),
    url: publicUrl + page,
    image: publicUrl + card,
    imageAlt: t(locale, 'shareCard.imageAlt', { title, description: shorten(description, 120) }),
  };
}

/** What a card says, in lines the SVG lays out. */
export interface CardContent {
  kicker: string;
  title: string;
  text: string;
  figure: string | null;
  figureNote: string | null;
  footer: string;
}

const publishedLine = (view: DataView, year: number, locale: Locale) => {
  const release = latestReleaseView(view.releases, year, locale);
  return release ? t(locale, 'shareCard.published', { year, release: release.text }) : t(locale, 'shareCard.notPublished', { year });
};

/** The cards take the view with the catalogue's texts in `locale` (localizedView). */
export function indicatorCard(view: DataView, indicator: CatalogueIndicator, locale: Locale = DEFAULT_LOCALE): CardContent {
  const year = view.defaultYear;
  const { current } = indicatorDetail(view, indicator, year, locale);
  return {
    kicker: t(locale, 'shareCard.actionKicker', { number: indicator.action, site: t(locale, 'shareCard.siteName') }),
    title: t(locale, 'common.indicatorNumber', { code: indicator.code }),
    text: indicator.text,
    figure: `${current.valueText}`,
    figureNote: [t(locale, 'shareCard.inYear', { year }), current.coverageText, current.statusText].filter(Boolean).join(' · '),
    footer: publishedLine(view, year, locale),
  };
}

export function actionCard(view: DataView, action: CatalogueAction, locale: Locale = DEFAULT_LOCALE): CardContent {
  const year = view.defaultYear;
  return {
    kicker: t(locale, 'shareCard.sectionKicker', { section: action.section, site: t(locale, 'shareCard.siteName') }),
    title: t(locale, 'common.actionNumber', { number: action.number }),
    text: action.text,
    figure: t(locale, 'shareCard.indicators', { count: action.indicators.length }),
    figureNote: action.indicators.map((i) => i.code).join(', '),
    footer: publishedLine(view, year, locale),
  };
}

export function transparencyCard(view: DataView, locale: Locale = DEFAULT_LOCALE): CardContent {
  const year = view.defaultYear;
  return {
    kicker: t(locale, 'shareCard.siteName'),
    title: t(locale, 'shareCard.transparencyTitle'),
    text: t(locale, 'shareCard.transparencyText'),
    figure: t(locale, 'shareCard.actionsAndIndicators', {
      actions: view.catalogue.actions.length,
      indicators: view.catalogue.indicatorByCode.size,
    }),
    figureNote: null,
    footer: publishedLine(view, year, locale),
  };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words laid in lines of at most `width` characters, at most `lines` lines (the last cut with …). */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${shorten(kept[lines - 1]!, width - 1)}…`.replace(/……$/, '…');
  return kept;
}

/** The card as SVG, 1200 × 630 (what OpenGraph and Twitter show best), in the site's colours. */
export function cardSvg(card: CardContent): string {
  const text = wrap(card.text, 62, card.figure ? 4 : 6);
  const tspans = (lines: string[], x: number, y: number, step: number) =>
    lines.map((l, i) => `<tspan x="${x}" y="${y + i * step}">${xml(l)}</tspan>`).join('');
  const figureY = 200 + text.length * 40 + 80;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect width="100%" height="16" fill="#083a66"/>
<text x="60" y="80" font-family="DejaVu Sans, sans-serif" font-size="24" fill="#4a5260">${xml(shorten(card.kicker, 80))}</text>
<text x="60" y="150" font-family="DejaVu Sans, sans-serif" font-size="56" font-weight="bold" fill="#083a66">${xml(card.title)}</text>
<text font-family="DejaVu Sans, sans-serif" font-size="30" fill="#1b1f24">${tspans(text, 60, 210, 40)}</text>
${card.figure ? `<text x="60" y="${figureY}" font-family="DejaVu Sans, sans-serif" font-size="52" font-weight="bold" fill="#0b4f8a">${xml(shorten(card.figure, 40))}</text>` : ''}
${card.figureNote ? `<text x="60" y="${figureY + 46}" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#4a5260">${xml(shorten(card.figureNote, 80))}</text>` : ''}
<rect y="${CARD_HEIGHT - 70}" width="100%" height="70" fill="#f3f6f9"/>
<text x="60" y="${CARD_HEIGHT - 26}" font-family="DejaVu Sans, sans-serif" font-size="24" fill="#1b1f24">${xml(shorten(card.footer, 90))}</text>
</svg>`;
}
