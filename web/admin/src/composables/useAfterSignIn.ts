import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session';

/** After one sign-in step: reload the session and go on; the guard sends the user to any step still owed. */
export function useAfterSignIn(): { proceed: () => Promise<void>; leave: () => Promise<void> } {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();

  async function proceed(): Promise<void> {
    await session.load();
    const redirect = typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/') ? route.query.redirect : '/';
    await router.replace(redirect);
  }

  /** Abandon the half-finished sign-in and return to the login page. */
  async function leave(): Promise<void> {
    try {
      await session.logout();
    } finally {
      await router.replace({ name: 'login' });
    }
  }

  return { proceed, leave };
}
