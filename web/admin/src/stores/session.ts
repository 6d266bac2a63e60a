import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '../api/auth';
import { ApiError } from '../api/http';
import type { Me, Permission } from '../api/types';
import { currentLocale, setLocale } from '../i18n';
import type { AppLocale } from '../i18n/messages';

/** The signed-in user as GET /api/auth/me describes it; null when there is no session. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  const permissions = computed(() => new Set<Permission>(me.value?.permissions ?? []));

  /**
   * Where the user must go before anything else, or null when the session is complete. An enrolled
   * second factor is verified first; on a first sign-in the initial password is replaced before an
   * authenticator is bound.
   */
  const pendingStep = computed<'mfa-verify' | 'mfa-enrol' | 'password' | null>(() => {
    const o = me.value?.obligations;
    if (!o) return null;
    if (o.mfa === 'verify') return 'mfa-verify';
    if (o.passwordChange) return 'password';
    if (o.mfa === 'enrol') return 'mfa-enrol';
    return null;
  });

  function can(p: Permission): boolean {
    return permissions.value.has(p);
  }

  function canAny(ps: readonly Permission[]): boolean {
    return ps.some((p) => permissions.value.has(p));
  }

  async function load(): Promise<Me | null> {
    try {
      me.value = await authApi.me();
      if (me.value.locale !== currentLocale()) setLocale(me.value.locale);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      me.value = null;
    } finally {
      loaded.value = true;
    }
    return me.value;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  function clear(): void {
    me.value = null;
    loaded.value = true;
  }

  /** Switches the language and, when signed in, stores it on the account. */
  async function changeLocale(locale: AppLocale): Promise<void> {
    setLocale(locale);
    if (me.value) {
      await authApi.setLocale(locale);
      me.value = { ...me.value, locale };
    }
  }

  return { me, loaded, permissions, pendingStep, can, canAny, load, logout, clear, changeLocale };
});
