import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.js';
import { checkZip } from './zip-guard.js';

export interface Column<Row> {
  header: string;
  width?: number;
  value: (row: Row) => string | number | null | undefined;
}

/** CSV/Excel injection: text that a spreadsheet would read as a formula is prefixed with a quote. */
export function safeCell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r\0]/.test(v) ? `'${v}` : v;
}

export async function writeWorkbook<Row>(sheet: string, columns: Column<Row>[], rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qingfeng';
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => safeCell(c.value(r))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LIMITS = { maxEntries: 200, maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024 };

/** Opens an uploaded workbook after the archive guard; a file ExcelJS cannot read is the client's error. */
export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  checkZip(buf, LIMITS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', { reason: 'unreadable' });
  }
  return wb;
}

/** Cell text as the user typed it: rich text joined, formulas by their cached result, dates as YYYY-MM-DD. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if ('text' in v) return String(v.text).trim();
    return '';
  }
  return String(v).trim();
}
