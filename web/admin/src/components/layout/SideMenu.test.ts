import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import SideMenu from './SideMenu.vue';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me, Permission } from '../../api/types';

function me(permissions: Permission[]): Me {
  return {
    userId: '0190a5a0-0000-7000-8000-000000000001',
    username: 'u',
    displayName: '张三',
    personId: null,
    accountKind: 'business',
    roles: [],
    permissions,
    locale: 'zh-CN',
    mfaEnrolled: true,
    obligations: { mfa: null, passwordChange: false },
    tenant: { name: '测试单位', isDemo: false },
  };
}

async function mountAs(permissions: Permission[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me(permissions);
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  await router.push('/orgs');
  const wrapper = mount(SideMenu, { props: { collapsed: false }, global: { plugins: [pinia, i18n, router, ElementPlus] } });
  return { wrapper, router };
}

const items = (w: Awaited<ReturnType<typeof mountAs>>['wrapper']) =>
  w.findAll('[data-test^="menu-"]').map((e) => e.attributes('data-test')).filter((t) => !t?.startsWith('menu-group-'));

describe('SideMenu', () => {
  it('shows only the pages the permissions allow, and hides groups left empty', async () => {
    setLocale('zh-CN');
    const { wrapper } = await mountAs(['org:read', 'person:read']);
    expect(items(wrapper)).toEqual(['menu-home', 'menu-orgs', 'menu-people', 'menu-posts', 'menu-leaders', 'menu-notifications']);
    expect(wrapper.find('[data-test="menu-group-access"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="menu-group-system"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('组织机构');
  });

  it('gives the auditor the audit log and nothing of the system administrator', async () => {
    const { wrapper } = await mountAs(['audit:read', 'audit:export', 'user:read', 'org:read']);
    const shown = items(wrapper);
    expect(shown).toContain('menu-audit');
    expect(shown).toContain('menu-users');
    expect(shown).not.toContain('menu-settings');
    expect(shown).not.toContain('menu-roles');
  });

  it('shows settings to either administrator who owns a part of them', async () => {
    const security = items((await mountAs(['security_policy:manage'])).wrapper);
    const system = items((await mountAs(['setting:manage'])).wrapper);
    expect(security).toContain('menu-settings');
    expect(system).toContain('menu-settings');
    expect(security).not.toContain('menu-dicts');
  });

  it('navigates to the chosen page', async () => {
    const { wrapper, router } = await mountAs(['org:read', 'person:read']);
    const push = vi.spyOn(router, 'push');
    await wrapper.find('[data-test="menu-people"]').trigger('click');
    expect(push).toHaveBeenCalledWith({ name: 'people' });
  });
});
