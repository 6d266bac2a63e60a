import { defineStore } from 'pinia';
import { ref } from 'vue';
import { notificationsApi } from '../api/system';

const POLL_MS = 60_000;

/** The unread badge: polled every minute while signed in, refreshed at once after reading. */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;

  async function refresh(): Promise<void> {
    try {
      unread.value = (await notificationsApi.unreadCount()).unread;
    } catch {
      // A failed poll keeps the last count; session problems are routed by the HTTP layer.
    }
  }

  function start(): void {
    if (timer) return;
    void refresh();
    timer = setInterval(() => void refresh(), POLL_MS);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    unread.value = 0;
  }

  return { unread, refresh, start, stop };
});
