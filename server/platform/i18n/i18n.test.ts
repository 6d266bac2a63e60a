import { describe, expect, it } from 'vitest';
import { catalogKeys, pickLocale, t } from './i18n.js';

describe('server-side locale files', () => {
  it('hold the same keys in Chinese and English', () => {
    const zh = new Set(catalogKeys('zh-CN'));
    const en = new Set(catalogKeys('en-US'));
    expect([...zh].filter((k) => !en.has(k)), 'missing in en-US').toEqual([]);
    expect([...en].filter((k) => !zh.has(k)), 'missing in zh-CN').toEqual([]);
  });

  it('translates with parameters and falls back to the key', () => {
    expect(t('zh-CN', 'orgs.kinds.party_branch')).toBe('党支部');
    expect(t('en-US', 'orgs.kinds.party_branch')).toBe('Party branch');
    expect(t('en-US', 'no.such.key')).toBe('no.such.key');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en-US');
    expect(pickLocale(undefined)).toBe('zh-CN');
  });
});
