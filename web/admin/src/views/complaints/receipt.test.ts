import { describe, expect, it } from 'vitest';
import { groupDigits } from './receipt';

describe('receipt code display', () => {
  it('groups digits by four, the last group shorter', () => {
    expect(groupDigits('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(groupDigits('123456789012345678')).toBe('1234 5678 9012 3456 78');
  });

  it('regroups a code that was already spaced or dashed', () => {
    expect(groupDigits('1234-5678 9012 3456')).toBe('1234 5678 9012 3456');
  });
});
