import { describe, expect, it } from 'vitest';
import type { ComplaintCategory, ComplaintMatter } from '../../api/complaints';
import { categoryName, findMatter, matterOptions, reorder } from './catalogue';

const org = { id: 'o1', name: '办公室' };
const matter = (id: string, sort: number, enabled = true): ComplaintMatter => ({ id, categoryId: 'c', name: id, description: '', responsibleOrg: org, assignDays: null, answerDays: null, enabled, sort });
const category = (id: string, sort: number, matters: ComplaintMatter[], enabled = true): ComplaintCategory => ({ id, code: id, name: id, nameEn: `${id}-en`, description: '', enabled, sort, matters });

const cats = [category('b', 20, [matter('b2', 2), matter('b1', 1)]), category('a', 10, [matter('a1', 1, false)]), category('off', 5, [matter('o1', 1)], false)];

describe('complaint catalogue helpers', () => {
  it('offer enabled categories and matters in catalogue order, dropping empty categories', () => {
    expect(matterOptions(cats, true)).toEqual([{ value: 'b', label: 'b', children: [{ value: 'b1', label: 'b1' }, { value: 'b2', label: 'b2' }] }]);
  });

  it('offer everything, in order, for filters over past complaints', () => {
    expect(matterOptions(cats, false).map((c) => c.value)).toEqual(['off', 'a', 'b']);
  });

  it('name categories in English when asked and an English name exists', () => {
    expect(matterOptions(cats, true, true)[0]?.label).toBe('b-en');
    expect(categoryName({ name: '民生资金', nameEn: 'Livelihood funds' }, true)).toBe('Livelihood funds');
    expect(categoryName({ name: '民生资金', nameEn: '' }, true)).toBe('民生资金');
    expect(categoryName({ name: '民生资金', nameEn: 'Livelihood funds' }, false)).toBe('民生资金');
  });

  it('find a matter with its category', () => {
    expect(findMatter(cats, 'b2')?.category.id).toBe('b');
    expect(findMatter(cats, 'nope')).toBeNull();
  });

  it('move an entry and renumber only what changes', () => {
    const items = [{ id: 'x', name: 'x', sort: 10 }, { id: 'y', name: 'y', sort: 20 }, { id: 'z', name: 'z', sort: 30 }];
    expect(reorder(items, 'z', -1)).toEqual([{ id: 'z', sort: 20 }, { id: 'y', sort: 30 }]);
    expect(reorder(items, 'x', -1)).toEqual([]);
    expect(reorder(items, 'z', 1)).toEqual([]);
  });

  it('give equal sort numbers distinct places when moving', () => {
    const items = [{ id: 'a', name: 'a', sort: 0 }, { id: 'b', name: 'b', sort: 0 }];
    expect(reorder(items, 'b', -1)).toEqual([{ id: 'b', sort: 10 }, { id: 'a', sort: 20 }]);
  });
});
