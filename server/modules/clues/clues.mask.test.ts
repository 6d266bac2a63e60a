import { describe, expect, it } from 'vitest';
import { maskName } from './clues.export.js';

describe('maskName', () => {
  it('keeps the surname and hides the rest, one star per character, at least one', () => {
    expect(maskName('赵某某')).toBe('赵**');
    expect(maskName('欧阳修文')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName(null)).toBe('');
  });
});
