import type ExcelJS from 'exceljs';

/**
 * exceljs takes about a second to load (more than most requests take), and every start and every
 * test file paid for it though few of them read or write a workbook: it is loaded on first use
 * instead (docs/performance.md, « Test suite »).
 */
export function exceljs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import; `import()` would make the callers async for nothing
  return require('exceljs') as typeof ExcelJS;
}
