import type { ComplaintCategory, ComplaintMatter } from '../../api/complaints';

/** Shaped for el-cascader, whose options are open records. */
export interface MatterOption {
  [key: string]: unknown;
  value: string;
  label: string;
  disabled?: boolean;
  children?: MatterOption[];
}

/**
 * Category → matter choices in catalogue order. Intake offers only what is enabled (the server refuses the
 * rest); a category with nothing left to choose is dropped.
 */
export function matterOptions(categories: readonly ComplaintCategory[], enabledOnly: boolean, english = false): MatterOption[] {
  return sorted(categories)
    .filter((c) => !enabledOnly || c.enabled)
    .map((c) => ({ value: c.id, label: categoryName(c, english), children: sorted(c.matters).filter((m) => !enabledOnly || m.enabled).map((m) => ({ value: m.id, label: m.name })) }))
    .filter((c) => c.children.length > 0);
}

/** Categories carry an English name; matters are named in Chinese only. */
export function categoryName(c: Pick<ComplaintCategory, 'name' | 'nameEn'>, english: boolean): string {
  return english && c.nameEn ? c.nameEn : c.name;
}

export function findMatter(categories: readonly ComplaintCategory[], matterId: string | null | undefined): { category: ComplaintCategory; matter: ComplaintMatter } | null {
  for (const category of categories) {
    const matter = category.matters.find((m) => m.id === matterId);
    if (matter) return { category, matter };
  }
  return null;
}

/** Catalogue order: the sort number, then the name, so equal numbers still list the same way every time. */
export function sorted<T extends { sort: number; name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Moves one entry up or down and numbers the list again in steps of 10. Only the entries whose number
 * changes are returned, so a move saves as few rows as it can.
 */
export function reorder<T extends { id: string; sort: number; name: string }>(items: readonly T[], id: string, delta: -1 | 1): { id: string; sort: number }[] {
  const list = sorted(items);
  const from = list.findIndex((x) => x.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [];
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved as T);
  return list.map((x, i) => ({ id: x.id, sort: (i + 1) * 10, was: x.sort })).filter((x) => x.sort !== x.was).map(({ id: xid, sort }) => ({ id: xid, sort }));
}
