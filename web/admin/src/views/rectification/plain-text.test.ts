import { describe, expect, it } from 'vitest';
import { isPlainText } from './plain-text';

describe('isPlainText', () => {
  it('accepts Chinese text with the punctuation the server allows and refuses full-width forms and quotes', () => {
    expect(isPlainText('公务用车管理不规范、台账缺失《车辆管理办法》')).toBe(true);
    expect(isPlainText('公务用车(第一轮巡察)')).toBe(true);
    expect(isPlainText('公务用车管理不规范，台账缺失')).toBe(false);
    expect(isPlainText('公务用车（第一轮巡察）')).toBe(false);
    expect(isPlainText('say "hi"')).toBe(false);
    expect(isPlainText('a;b')).toBe(false);
  });
});
