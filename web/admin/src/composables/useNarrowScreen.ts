import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** Phone widths: the breakpoint where pages trade tables and side panels for stacked cards and drawers. */
export const NARROW_QUERY = '(max-width: 640px)';

/** Whether the window is phone-narrow now, following rotation and resizing while the component lives. */
export function useNarrowScreen(): Ref<boolean> {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null;
  const narrow = ref(query?.matches ?? false);
  const follow = (e: MediaQueryListEvent) => (narrow.value = e.matches);
  onMounted(() => query?.addEventListener('change', follow));
  onBeforeUnmount(() => query?.removeEventListener('change', follow));
  return narrow;
}
