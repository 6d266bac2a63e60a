import { describe, expect, it } from 'vitest';
import { wrapLines } from './receipt-image';

/** One unit per character: the shape of the line breaking without a real font. */
const chars = (s: string) => [...s].length;

describe('the receipt image text', () => {
  it('breaks Chinese anywhere and keeps every character', () => {
    const text = '回执码只显示这一次。本站不保存回执码，遗失后无法找回。';
    const lines = wrapLines(text, 10, chars);
    expect(lines.every((l) => chars(l) <= 10)).toBe(true);
    expect(lines.join('')).toBe(text);
  });

  it('keeps English words whole', () => {
    const lines = wrapLines('The receipt code is shown only this once', 12, chars);
    expect(lines).toEqual(['The receipt', 'code is', 'shown only', 'this once']);
  });

  it('lets a word longer than a line stand on its own line', () => {
    expect(wrapLines('a 12345678901234 b', 5, chars)).toEqual(['a', '12345678901234', 'b']);
  });
});
