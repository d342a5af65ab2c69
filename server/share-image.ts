import { renderAsync } from '@resvg/resvg-js';
import { CARD_WIDTH } from './presenters/share';

/**
 * An SVG card rendered to PNG by resvg (Rust, through @resvg/resvg-js: no browser, no network), on
 * libuv's thread pool so the event loop stays free; the public cache keeps the result per release.
 * Text uses the machine's fonts (DejaVu Sans where installed).
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
