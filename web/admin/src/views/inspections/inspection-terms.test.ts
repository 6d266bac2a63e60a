import { describe, expect, it } from 'vitest';
import { checklistCategories, inspectionKinds } from '../../../../../contracts/inspections';
import { categoryOrder, defaultPickMode, kindOrder, kindTag, nextPlanStatus } from './inspection-terms';

describe('inspection terms', () => {
  it('list every kind and checklist category the API knows, once', () => {
    expect([...kindOrder].sort()).toEqual([...inspectionKinds].sort());
    expect([...categoryOrder].sort()).toEqual([...checklistCategories].sort());
    expect(Object.keys(kindTag).sort()).toEqual([...inspectionKinds].sort());
  });

  it('moves a plan forward only, and not past completion', () => {
    expect(nextPlanStatus('draft')).toBe('active');
    expect(nextPlanStatus('active')).toBe('completed');
    expect(nextPlanStatus('completed')).toBeNull();
  });

  it('draws the targets of a random check by default and picks the others by hand', () => {
    expect(defaultPickMode('random_check')).toBe('draw');
    expect(defaultPickMode('routine')).toBe('hand');
    expect(defaultPickMode('unannounced_visit')).toBe('hand');
  });
});
