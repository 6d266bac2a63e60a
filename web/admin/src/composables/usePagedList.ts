import { reactive, ref, shallowRef, type Ref } from 'vue';
import type { Page } from '../api/types';
import { showError } from '../utils/errors';

export interface PagedList<T, F> {
  items: Ref<T[]>;
  total: Ref<number>;
  loading: Ref<boolean>;
  page: Ref<number>;
  pageSize: Ref<number>;
  filters: F;
  load: () => Promise<void>;
  search: () => Promise<void>;
  reset: () => Promise<void>;
}

/**
 * Paging, filters and loading state for a list page. Filters are a reactive copy of `initial`; empty
 * strings are dropped before the request so that an untouched filter is no filter.
 */
export function usePagedList<T, F extends Record<string, unknown>>(
  fetch: (q: F & { page: number; pageSize: number }) => Promise<Page<T>>,
  initial: F,
  pageSize = 20,
): PagedList<T, F> {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const total = ref(0);
  const loading = ref(false);
  const page = ref(1);
  const size = ref(pageSize);
  const filters = reactive({ ...initial }) as F;
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as F;
      const r = await fetch({ ...clean, page: page.value, pageSize: size.value });
      if (mine !== seq) return;
      items.value = r.items;
      total.value = r.total;
      if (r.items.length === 0 && r.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(r.total / size.value));
        await load();
      }
    } catch (err) {
      if (mine === seq) showError(err);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  async function search(): Promise<void> {
    page.value = 1;
    await load();
  }

  async function reset(): Promise<void> {
    Object.assign(filters, initial);
    await search();
  }

  return { items, total, loading, page, pageSize: size, filters, load, search, reset };
}
