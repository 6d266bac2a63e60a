import ExcelJS from 'exceljs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Clicks something that downloads a file and returns the download, checking it has the expected extension. */
export async function download(page: Page, trigger: Locator, ext: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
  return file;
}

/** Every row of a workbook's first sheet as cell texts (row 1 is the header). */
export async function sheetRows(file: Download | string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(typeof file === 'string' ? file : await file.path());
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('workbook without a sheet');
  const out: string[][] = [];
  ws.eachRow((row) => out.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text)));
  return out;
}
