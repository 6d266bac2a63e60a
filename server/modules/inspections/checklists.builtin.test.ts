import { describe, expect, it } from 'vitest';
import { checklistCategories } from '../../../contracts/inspections.js';
import { catalogKeys, locales } from '../../platform/i18n/i18n.js';
import { builtinChecklists } from './checklists.builtin.js';

describe('built-in checklist texts', () => {
  it('exist in every locale for every item, 8 to 12 concrete items per checklist, and nothing more', () => {
    const wanted = builtinChecklists.flatMap((c) => [
      `inspections.builtinTemplates.${c.code}.name`,
      ...c.items.flatMap((i) => [`inspections.builtinTemplates.${c.code}.items.${i}.text`, `inspections.builtinTemplates.${c.code}.items.${i}.guidance`]),
    ]);
    for (const locale of locales) {
      const have = catalogKeys(locale).filter((k) => k.startsWith('inspections.builtinTemplates.'));
      expect(have.sort()).toEqual([...wanted].sort());
    }
    for (const c of builtinChecklists) {
      expect(checklistCategories).toContain(c.category);
      expect(c.items.length).toBeGreaterThanOrEqual(8);
      expect(c.items.length).toBeLessThanOrEqual(12);
      expect(new Set(c.items).size).toBe(c.items.length);
    }
  });
});
