import { defineStore } from 'pinia';
import { ref } from 'vue';
import { dictsApi } from '../api/system';
import type { DictItem } from '../api/types';
import { currentLocale } from '../i18n';

/** Dictionary items by list code, fetched once per list and refreshed after edits. */
export const useDictStore = defineStore('dicts', () => {
  const lists = ref<Record<string, DictItem[]>>({});
  const pending = new Map<string, Promise<DictItem[]>>();

  async function ensure(dictCode: string): Promise<DictItem[]> {
    const have = lists.value[dictCode];
    if (have) return have;
    let p = pending.get(dictCode);
    if (!p) {
      p = dictsApi
        .list(dictCode)
        .then((r) => {
          const items = [...r.items].sort((a, b) => a.sort - b.sort);
          lists.value = { ...lists.value, [dictCode]: items };
          return items;
        })
        .finally(() => pending.delete(dictCode));
      pending.set(dictCode, p);
    }
    return p;
  }

  function invalidate(dictCode: string): void {
    const next = { ...lists.value };
    delete next[dictCode];
    lists.value = next;
  }

  function options(dictCode: string, includeDisabled = false): DictItem[] {
    return (lists.value[dictCode] ?? []).filter((i) => includeDisabled || i.enabled);
  }

  function label(dictCode: string, code: string): string {
    const item = lists.value[dictCode]?.find((i) => i.code === code);
    if (!item) return code;
    return currentLocale() === 'zh-CN' ? item.labelZh : item.labelEn;
  }

  return { lists, ensure, invalidate, options, label };
});
