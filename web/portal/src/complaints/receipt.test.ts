import { describe, expect, it } from 'vitest';
import { groupReceipt, normalizeReceipt } from './receipt';

describe('receipt codes', () => {
  it('are shown in groups of four', () => {
    expect(groupReceipt('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(groupReceipt('123456789012345678')).toBe('1234 5678 9012 3456 78');
    expect(groupReceipt('1234 5678-9012')).toBe('1234 5678 9012');
  });

  it('are read back from whatever a phone keyboard produced', () => {
    const digits = '0123456789012345';
    for (const typed of ['0123 4567 8901 2345', '0123-4567-8901-2345', ' 0123456789012345 ', '０１２３４５６７８９０１２３４５', '0123\u30004567\u30008901\u30002345', '0123－4567－8901－2345']) {
      expect(normalizeReceipt(typed), typed).toBe(digits);
    }
    expect(normalizeReceipt(groupReceipt(digits))).toBe(digits);
  });

  it('refuse what cannot be a code', () => {
    for (const bad of ['', '123456789012345', '1234567890123456789012345', '1234 5678 9012 345a', '١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦', '1234567890123456;']) {
      expect(normalizeReceipt(bad), bad).toBeNull();
    }
  });
});
