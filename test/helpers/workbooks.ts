import ExcelJS from 'exceljs';

/** An .xlsx file as a spreadsheet program writes it: one sheet per name, its rows from the first. */
export async function workbookOf(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, i) => (sheet.getRow(i + 1).values = row));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
