import type ExcelJS from 'exceljs';
import type JSZipType from 'jszip';
import type * as Numfmt from 'numfmt';

/**
 * exceljs takes about a second to load (more than most requests take), and every start and every
 * test file paid for it though few of them read or write a workbook: it is loaded on first use
 * instead (docs/performance.md, « Test suite »); so are the two smaller libraries that go with
 * workbooks (a tenth of a second each).
 */
export function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import; `import()` would make the callers async for nothing
  return require('exceljs') as typeof ExcelJS;
}

/** JSZip (an upload's workbook unpacked and checked, the open-data archive): loaded on first use, as exceljs. */
export function jszip(): typeof JSZipType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import, as exceljs above
  return require('jszip') as typeof JSZipType;
}

/** numfmt (a workbook cell as Excel shows it): loaded on first use, as exceljs. */
export function numfmt(): typeof Numfmt {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import, as exceljs above
  return require('numfmt') as typeof Numfmt;
}
