import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { attachmentName, sanitizeFileName } from './file-name.js';
import { FILE_TYPES } from './sniff.js';

describe('display names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\win.ini', 'win.ini'],
    ['C:\\Users\\张三\\整改报告.pdf', '整改报告.pdf'],
    ['a／b∕c.pdf', 'c.pdf'],
    ['报告\u202Egnp.pdf', '报告gnp.pdf'],
    ['\u200b隐藏\u2066名\u2069.png', '隐藏名.png'],
    ['line\r\nbreak\u0000.jpg', 'linebreak.jpg'],
    ['  ...hidden.pdf. . ', 'hidden.pdf'],
    ['a<b>c:d"e|f?g*.pdf', 'a_b_c_d_e_f_g_.pdf'],
    ['..', ''],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });

  it('bounds the length and keeps the extension', () => {
    const long = sanitizeFileName(`${'很长的文件名'.repeat(40)}.docx`);
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.docx')).toBe(true);
    expect([...sanitizeFileName('x'.repeat(500))].length).toBe(120);
  });

  it('keeps a name whose extension matches the content and completes one without', () => {
    expect(attachmentName('现场照片.JPG', FILE_TYPES.jpeg)).toBe('现场照片.JPG');
    expect(attachmentName('../../etc/passwd', FILE_TYPES.png)).toBe('passwd.png');
    expect(attachmentName('', FILE_TYPES.pdf)).toBe('file.pdf');
  });

  it.each([
    ['a.pdf', FILE_TYPES.png],
    ['report.pdf.exe', FILE_TYPES.pdf],
    ['invoice\u202Efdp.exe', FILE_TYPES.pdf],
    ['photo.jpg', FILE_TYPES.pdf],
    ['..\\..\\win.ini', FILE_TYPES.pdf],
  ])('refuses %j holding another type', (name, type) => {
    expect(() => attachmentName(name, type)).toThrow(AppError);
  });
});
