import { CellValue, Workbook, Worksheet } from 'exceljs';

/** The sheets every workbook of the engine prints the same way: heading row, filters, A4 landscape, 无 when empty. */

export const FORMAT = {
  rate: '0.0%',
  percent: '0%',
  date: 'yyyy-mm-dd',
  moment: 'yyyy-mm-dd hh:mm',
  countChange: '+0;-0;0',
  pointsChange: '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"',
} as const;

/** Excel's paper size code for ISO A4. */
const A4 = 9;
const PAGE_FOOTER = '&C第 &P 页，共 &N 页';
const EMPTY_TABLE = '无';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;

export interface SheetColumn<Row> {
  header: string;
  width: number;
  value: (row: Row, index: number) => CellValue;
  /** One format for the column, or one per row where rows mix counts and rates. */
  numFmt?: string | ((row: Row) => string | undefined);
  wrap?: boolean;
}

/** A sheet with a bold heading row that stays in view and filters, then one row per item. */
export function addTableSheet<Row>(
  workbook: Workbook,
  name: string,
  columns: SheetColumn<Row>[],
  rows: readonly Row[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  const heading = sheet.getRow(1);
  heading.font = { bold: true };
  heading.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  columns.forEach((_column, index) => (heading.getCell(index + 1).fill = HEADER_FILL));
  rows.forEach((row, rowIndex) => {
    const added = sheet.addRow(columns.map((column) => column.value(row, rowIndex)));
    columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      const numFmt = typeof column.numFmt === 'function' ? column.numFmt(row) : column.numFmt;
      if (numFmt) cell.numFmt = numFmt;
      if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  if (rows.length === 0) markEmpty(sheet, columns.length);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(rows.length, 1) + 1, column: columns.length } };
  setUpPrinting(sheet, name);
  return sheet;
}

/** A table with nothing in it says so, across its width, rather than printing a bare heading. */
function markEmpty(sheet: Worksheet, width: number): void {
  const row = sheet.addRow([EMPTY_TABLE]);
  sheet.mergeCells(row.number, 1, row.number, width);
  row.getCell(1).alignment = { horizontal: 'center' };
}

/** A4 landscape, every column on one page wide, the heading row on every page, pages numbered. */
function setUpPrinting(sheet: Worksheet, name: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddHeader: `&L${name}`, oddFooter: PAGE_FOOTER };
}

/** Excel keeps dates without a time zone: a YYYY-MM-DD is written as that day's UTC midnight so it reads back as itself. */
export function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
