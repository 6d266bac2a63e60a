import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile } from './people.mask.js';

describe('masking', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('42010219900307123X')).toBe('4201**********123X');
  });

  it('keeps the carrier prefix and the last four digits of a mobile number', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
  });
});
