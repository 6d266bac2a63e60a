import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import UserMenu from './UserMenu.vue';
import { i18n } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { authApi } from '../../api/auth';
import { useSessionStore } from '../../stores/session';
import type { Me } from '../../api/types';

afterEach(() => vi.restoreAllMocks());

const me: Me = {
  userId: '0190a5a0-0000-7000-8000-000000000001', username: 'u', displayName: '张三', personId: null, accountKind: 'business', roles: [], permissions: [],
  locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '测试单位', isDemo: false },
};

describe('UserMenu sign-out', () => {
  it.each([
    ['the server confirms', () => Promise.resolve({ ok: true as const })],
    ['the server answers with an error', () => Promise.reject(new Error('session expired'))],
  ])('leaves the page for the login when %s', async (_, answer) => {
    vi.spyOn(authApi, 'logout').mockImplementation(answer as typeof authApi.logout);
    const pinia = createPinia();
    setActivePinia(pinia);
    const session = useSessionStore();
    session.me = me;
    const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
    await router.push('/orgs');
    const wrapper = mount(UserMenu, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
    wrapper.findComponent({ name: 'ElDropdown' }).vm.$emit('command', 'logout');
    await flushPromises();
    expect(session.me).toBeNull();
    expect(router.currentRoute.value.name).toBe('login');
  });
});
