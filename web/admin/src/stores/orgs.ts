import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { orgsApi } from '../api/orgs';
import type { Org } from '../api/types';
import { buildOrgTree } from '../utils/org-tree';

/** The org list the user may see, shared by the tree page and every org picker. */
export const useOrgStore = defineStore('orgs', () => {
  const items = ref<Org[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  let pending: Promise<void> | null = null;

  const tree = computed(() => buildOrgTree(items.value));
  const byId = computed(() => new Map(items.value.map((o) => [o.id, o])));

  function reload(): Promise<void> {
    loading.value = true;
    pending = orgsApi
      .list()
      .then((r) => {
        items.value = r.items;
        loaded.value = true;
      })
      .finally(() => {
        loading.value = false;
        pending = null;
      });
    return pending;
  }

  function ensure(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    return pending ?? reload();
  }

  function nameOf(id: string | null | undefined): string {
    return (id && byId.value.get(id)?.name) || '';
  }

  return { items, loaded, loading, tree, byId, reload, ensure, nameOf };
});
