import crypto from 'node:crypto';
import ExcelJS from 'exceljs';

/** Test helpers: roster workbooks built the way a user fills in the template, and their multipart upload. */

export const ROSTER_HEADERS = ['姓名', '性别', '出生日期', '政治面貌', '入党时间', '身份证号', '手机号', '所在组织', '岗位'];

export type RosterCells = (string | number | Date | null)[];

export async function rosterWorkbook(rows: RosterCells[], headers: string[] = ROSTER_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fresh ID number of the right shape, so repeated fixtures never collide on the duplicate check. */
export function randomIdNumber(): string {
  return `1${Array.from({ length: 17 }, () => crypto.randomInt(10)).join('')}`;
}

export function randomMobile(): string {
  return `139${Array.from({ length: 8 }, () => crypto.randomInt(10)).join('')}`;
}

export function multipartUpload(file: Buffer, opts: { field?: string; filename?: string } = {}): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----qingfeng${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'roster.xlsx'}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
