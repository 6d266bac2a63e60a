import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { FILE_TYPES, sniffContent } from './sniff.js';
import { DOCX_TYPES, docxFile, files, xlsxFile, zipBombDocx, zipOf } from './test-files.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${String(e.params.reason)}` : String(e);
  }
  return 'accepted';
};

describe('content sniffing', () => {
  it.each([
    ['png', files.png, FILE_TYPES.png],
    ['jpeg', files.jpeg, FILE_TYPES.jpeg],
    ['gif', files.gif, FILE_TYPES.gif],
    ['webp', files.webp, FILE_TYPES.webp],
    ['pdf', files.pdf, FILE_TYPES.pdf],
  ])('recognises %s by its leading bytes', (_n, buf, type) => {
    expect(sniffContent(buf)).toBe(type);
  });

  it('recognises Word and Excel documents written by real libraries', async () => {
    expect(sniffContent(await docxFile())).toBe(FILE_TYPES.docx);
    expect(sniffContent(await xlsxFile())).toBe(FILE_TYPES.xlsx);
  });

  it.each([
    ['html', files.html],
    ['exe', files.exe],
    ['empty', Buffer.alloc(0)],
    ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['riff that is not webp', Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(16)])],
    ['truncated png signature', files.png.subarray(0, 4)],
    ['pdf header not at the start', Buffer.concat([Buffer.from(' '), files.pdf])],
  ])('refuses %s', (_n, buf) => {
    expect(codeOf(() => sniffContent(buf))).toBe('FILE_TYPE_REJECTED:content');
  });

  it('refuses archives that are not Office documents, or carry macros', () => {
    expect(codeOf(() => sniffContent(zipOf({ 'readme.txt': 'hello' })))).toBe('FILE_TYPE_REJECTED:zip');
    const macro = DOCX_TYPES.replace('document.main+xml', 'document.macroEnabled.main+xml');
    expect(codeOf(() => sniffContent(zipOf({ '[Content_Types].xml': macro, 'word/vbaProject.bin': 'x' })))).toBe('FILE_TYPE_REJECTED:macro');
    const both = DOCX_TYPES.replace('</Types>', '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
    expect(codeOf(() => sniffContent(zipOf({ '[Content_Types].xml': both })))).toBe('FILE_TYPE_REJECTED:zip');
    expect(sniffContent(zipOf({ '[Content_Types].xml': DOCX_TYPES }, false))).toBe(FILE_TYPES.docx);
  });

  it('refuses a zip bomb before inflating it', () => {
    expect(codeOf(() => sniffContent(zipBombDocx()))).toBe('ARCHIVE_REJECTED:entry-too-large');
  });

  it('refuses a zip whose directory is cut off', async () => {
    const doc = await docxFile();
    expect(codeOf(() => sniffContent(doc.subarray(0, doc.length - 30))).startsWith('ARCHIVE_REJECTED')).toBe(true);
  });
});
