import { describe, expect, it } from 'vitest';
import { defaultClueMeasures } from '../../../../contracts/clue-measures.js';
import { catalogKeys } from '../../../platform/i18n/i18n.js';

describe('default 四种形态 measure catalogue', () => {
  const all = Object.values(defaultClueMeasures).flat();

  it('has a label for every built-in code in both languages and no code twice', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const keys = new Set(catalogKeys(locale));
      expect(all.filter((m) => !keys.has(`clue-disposal.measures.${m.code}`)).map((m) => m.code), locale).toEqual([]);
    }
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length);
  });

  it('carries the effect periods the rules set', () => {
    const months = (form: '1' | '2' | '3' | '4', code: string) => defaultClueMeasures[form].find((m) => m.code === code)?.effectMonths;
    expect(months('2', 'party_warning')).toBe(12);
    expect(months('2', 'party_serious_warning')).toBe(18);
    expect(months('3', 'probation_one_year')).toBe(12);
    expect(months('3', 'probation_two_years')).toBe(24);
    expect(months('2', 'gov_warning')).toBe(6);
    expect(defaultClueMeasures['1'].map((m) => m.code).slice(0, 4)).toEqual(['talk_reminder', 'criticism_education', 'self_examination', 'admonition']);
  });
});
