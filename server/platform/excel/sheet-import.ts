import ExcelJS from 'exceljs';
import type { ValidateFunction } from 'ajv';
import type { TSchema } from 'typebox';
import type { ImportReport } from '../../../contracts/common.js';
import { AppError } from '../http/errors.js';
import { validatorCompiler } from '../http/validation.js';
import { locales, type Locale } from '../i18n/i18n.js';
import { cellText, readWorkbook } from './excel.js';

export type ImportError = ImportReport['errors'][number];

export interface ImportColumn<K extends string> {
  key: K;
  required: boolean;
  width: number;
  /** Formatted as text in the template, so Excel keeps every digit of codes and numbers. */
  text?: boolean;
}

export interface SheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, string>>;
  /** The raw values, for checks that depend on how Excel stored a cell (a number has lost leading zeros). */
  raw: Partial<Record<K, ExcelJS.CellValue>>;
}

/** An empty workbook with the import's headers in the caller's language, ready to fill in. */
export async function importTemplate<K extends string>(sheet: string, columns: ImportColumn<K>[], header: (l: Locale, k: K) => string, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qingfeng';
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: header(locale, c.key), width: c.width, ...(c.text && { style: { numFmt: '@' } }) }));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads the first sheet: row 1 holds headers (in either language, or the column keys), each later
 * non-empty row becomes cells by column key. Missing required columns are reported against row 1.
 */
export async function readSheet<K extends string>(buf: Buffer, columns: ImportColumn<K>[], header: (l: Locale, k: K) => string): Promise<{ rows: SheetRow<K>[]; errors: ImportError[] }> {
  const ws = (await readWorkbook(buf)).worksheets[0];
  if (!ws) throw new AppError('IMPORT_INVALID', { reason: 'no-sheet' });
  const byLabel = new Map<string, K>(columns.flatMap((c) => [[c.key as string, c.key] as const, ...locales.map((l) => [header(l, c.key), c.key] as const)]));
  const at = new Map<K, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byLabel.get(cellText(cell));
    if (key && !at.has(key)) at.set(key, col);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  if (missing.length) return { rows: [], errors: missing.map((c) => ({ row: 1, column: c.key, code: 'VALIDATION_FAILED' })) };
  const rows: SheetRow<K>[] = [];
  ws.eachRow((r, row) => {
    if (row === 1) return;
    const cells: SheetRow<K>['cells'] = {};
    const raw: SheetRow<K>['raw'] = {};
    for (const [key, col] of at) {
      const cell = r.getCell(col);
      const text = cellText(cell);
      if (text) {
        cells[key] = text;
        raw[key] = cell.value;
      }
    }
    if (Object.keys(cells).length) rows.push({ row, cells, raw });
  });
  if (!rows.length) throw new AppError('IMPORT_INVALID', { reason: 'empty' });
  return { rows, errors: [] };
}

/** Each cell is held to the API's own schema for that field, so an import accepts exactly what the form does. */
export function fieldCheck(schema: TSchema, url: string): (value: unknown) => string | null {
  const validate = validatorCompiler({ schema, method: 'POST', url, httpPart: 'body' }) as unknown as ValidateFunction;
  return (value) => {
    if (validate(value)) return null;
    const e = validate.errors?.find((x) => x.keyword === 'format');
    return e && (e.params.format === 'plain' || e.params.format === 'text') ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED';
  };
}

/** 1990-3-7, 1990/03/07, 1990.03.07 and 1990年3月7日 all mean 1990-03-07. */
export function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** Accepts a code or any of its labels, case-insensitively: people fill sheets in with what they read. */
export function labelLookup(entries: [string, string[]][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [code, labels] of entries) for (const l of [code, ...labels]) m.set(l.toLowerCase(), code);
  return m;
}

export function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

/** Errors in reading order: by row, then by the column's place in the sheet. */
export function sortErrors<K extends string>(errors: ImportError[], columns: ImportColumn<K>[]): ImportError[] {
  const order = new Map(columns.map((c, i) => [c.key as string, i]));
  return errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
}
