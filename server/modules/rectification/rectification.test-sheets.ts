import ExcelJS from 'exceljs';
import { multipart } from '../../platform/storage/test-files.js';

/** An .xlsx built from rows (the first row holds headers), as a multipart upload of field `file`. */
export async function multipartWorkbook(rows: (string | number)[][], name = '问题清单.xlsx'): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  for (const r of rows) ws.addRow(r);
  const { payload, headers } = multipart([{ field: 'file', filename: name, data: Buffer.from(await wb.xlsx.writeBuffer()) }]);
  return { body: payload, headers };
}
