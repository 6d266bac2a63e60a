import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { refusalKey } from './refusals';

describe('inspection refusals', () => {
  it('names the inspection rules behind a refusal, with a text in both languages', () => {
    const cases: [string, Record<string, string | number>][] = [
      ['CONFLICT', { reason: 'drawn_plan' }],
      ['CONFLICT', { reason: 'results_incomplete', missing: 2 }],
      ['CONFLICT', { reason: 'already_drawn' }],
      ['STATE_INVALID', { state: 'plan_completed' }],
      ['VALIDATION_FAILED', { field: 'inspectorsPerTarget', orgId: 'x' }],
      ['DUPLICATE', { field: 'code' }],
    ];
    for (const [code, params] of cases) {
      const key = refusalKey(code, params);
      expect(key).not.toBeNull();
      for (const locale of ['zh-CN', 'en-US'] as const) expect(i18n.global.te(key!, locale), `${locale}:${key}`).toBe(true);
    }
    expect(i18n.global.t('inspections.errors.results_incomplete', { missing: 2 }, { locale: 'zh-CN' })).toContain('2');
  });

  it('leaves every other failure to the general messages', () => {
    expect(refusalKey('CONFLICT', { reason: 'self' })).toBeNull();
    expect(refusalKey('FORBIDDEN', {})).toBeNull();
    expect(refusalKey('VALIDATION_FAILED', { field: 'title' })).toBeNull();
  });
});
