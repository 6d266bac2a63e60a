import { describe, expect, it } from 'vitest';
import { isPlain, isText } from '../../../../../contracts/text-formats';
import { isFreeText, isMobile, isShortText, textLength } from './text-rules';

/** Inputs a reporter or handler may plausibly type, and hostile ones: the form must agree with the server. */
const corpus = [
  '张三', '王 小明', '居民反映：路灯不亮，已有两周！', '（上级转办）市纪委信访室', 'ABC 公司', '１２３', 'ＡＢＣ',
  'a"b', "O'Brien", 'x;y', 'a\\b', '<b>bold</b>', '< script', 'a < b', 'line\nbreak', 'tab\there', 'zero\u200bwidth',
  'bidi\u202eevil', 'nul\u0000', 'e\u0301', 'é', '𠮷野家', '，。？！；：', '\ufeffbom',
];

describe('complaint form text rules', () => {
  it('accept what the server accepts and refuse the rest', () => {
    expect(corpus.filter(isFreeText)).toEqual(corpus.filter(isText));
    expect(corpus.map((s) => s.trim()).filter(isShortText)).toEqual(corpus.map((s) => s.trim()).filter(isPlain));
    expect(isShortText('居民反映：路灯不亮，已有两周！')).toBe(true);
    expect(['ＡＢＣ', "O'Brien", '<b>bold</b>', 'zero\u200bwidth'].some(isShortText)).toBe(false);
  });

  it('count characters as code points', () => {
    expect(textLength('𠮷野家')).toBe(3);
    expect(textLength('ab')).toBe(2);
  });

  it('accept mainland mobile numbers only', () => {
    expect(['13800138000', '19912345678'].every(isMobile)).toBe(true);
    expect(['12800138000', '1380013800', '138001380001', '+8613800138000', '138 0013 8000'].some(isMobile)).toBe(false);
  });
});
