import { describe, expect, it } from 'vitest';
import { isPlain, isText } from './text-formats.js';

describe('text formats', () => {
  it('accept ordinary Chinese titles with full-width punctuation', () => {
    expect(isPlain('公务用车使用登记不全（第一轮巡察）')).toBe(true);
    expect(isPlain('问题：会议记录缺失；整改？完成！')).toBe(true);
    expect(isText('第一，补齐台账。\n第二，建立制度。')).toBe(true);
  });

  it('refuse look-alike letters and digits, markup, quotes, zero-width and bidi characters in names', () => {
    for (const bad of ['＇ＯＲ＇１＇＝＇１', 'ａｄｍｉｎ', '张\u200b三', '报告\u202Efdp.exe', "O'Brien", '<b>名</b>', ' 前导空格', 'a;b']) expect(isPlain(bad), bad).toBe(false);
    for (const bad of ['<script>alert(1)</script>', '内容\u200b', '\uFEFF内容', 'a\u0000b']) expect(isText(bad), bad).toBe(false);
  });
});
