import type { renderAsync as RenderAsync } from '@resvg/resvg-js';
import { CARD_WIDTH } from './presenters/share';

/**
 * resvg's native module, loaded on first use as exceljs is (server/domain/exchange/workbook-library.ts):
 * once loaded it holds a handle that keeps a process's event loop alive, so that every jest worker
 * that had merely imported the app had to be killed at the end of the run (« A worker process has
 * failed to exit gracefully »). Only the share cards need it.
 */
function resvg(): { renderAsync: typeof RenderAsync } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import, as in workbook-library.ts
  return require('@resvg/resvg-js') as { renderAsync: typeof RenderAsync };
}

/**
 * An SVG card rendered to PNG by resvg (Rust, through @resvg/resvg-js: no browser, no network), on
 * libuv's thread pool so the event loop stays free; the public cache keeps the result per release.
 * Text uses the machine's fonts (DejaVu Sans where installed).
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const image = await resvg().renderAsync(svg, {
    fitTo: { mode: 'width', value: CARD_WIDTH },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
