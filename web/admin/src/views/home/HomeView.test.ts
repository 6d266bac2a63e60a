import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me, Permission } from '../../api/types';

/** ECharts needs a canvas; the stub records what the dashboard would draw. */
vi.mock('../../components/charts/DistributionChart.vue', () => ({
  default: defineComponent({
    props: { kind: { type: String, required: true }, data: { type: Array, required: true } },
    setup: (props) => () => h('div', { 'data-test': `chart-${props.kind}` }, JSON.stringify(props.data)),
  }),
}));

const { default: HomeView } = await import('./HomeView.vue');

const ORG = (id: string, kind: string, status = 'active') => ({ id, parentId: null, kind, name: id, shortName: id, code: null, sort: 0, status, updatedAt: '2026-03-02T09:00:00+08:00' });
const DICT = (code: string, zh: string, sort: number) => ({ id: `0190a5a0-0000-7000-8000-00000000000${sort}`, dictCode: 'political_status', code, labelZh: zh, labelEn: code, sort, enabled: true, builtin: true });

function fakeApi(peopleByStatus: Record<string, number>, requests: string[]) {
  return vi.fn(async (url: string) => {
    requests.push(url);
    const u = new URL(url, 'http://x');
    const body = (() => {
      switch (u.pathname) {
        case '/api/notifications/unread-count':
          return { unread: 4 };
        case '/api/orgs':
          return { items: [ORG('a', 'bureau'), ORG('b', 'party_branch'), ORG('c', 'party_branch'), ORG('d', 'section', 'archived')] };
        case '/api/dicts':
          return { items: [DICT('cpc_member', '中共党员', 1), DICT('masses', '群众', 2)] };
        case '/api/people': {
          const status = u.searchParams.get('politicalStatus');
          const total = status ? (peopleByStatus[status] ?? 0) : Object.values(peopleByStatus).reduce((a, b) => a + b, 0);
          return { items: [], total, page: 1, pageSize: 1 };
        }
        default:
          return { error: { code: 'FORBIDDEN' } };
      }
    })();
    const status = 'error' in body ? 403 : 200;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
}

function me(permissions: Permission[]): Me {
  return {
    userId: '0190a5a0-0000-7000-8000-000000000001', username: 'sec', displayName: '李书记', personId: null, accountKind: 'business',
    roles: ['secretary'], permissions, locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '长江河道管理局', isDemo: false },
  };
}

async function mountHome(permissions: Permission[], people: Record<string, number>) {
  setLocale('zh-CN');
  const requests: string[] = [];
  vi.stubGlobal('fetch', fakeApi(people, requests));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me(permissions);
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  const wrapper = mount(HomeView, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[data-test="stat-unread"]').text()).toContain('4');
  });
  await flushPromises();
  return { wrapper, requests };
}

afterEach(() => vi.unstubAllGlobals());

describe('HomeView', () => {
  it('shows the counts the API returns and charts only real data', async () => {
    const { wrapper } = await mountHome(['org:read', 'person:read'], { cpc_member: 12, masses: 5 });
    expect(wrapper.find('[data-test="stat-people"]').text()).toContain('17');
    expect(wrapper.find('[data-test="stat-orgs"]').text()).toContain('3');
    expect(JSON.parse(wrapper.find('[data-test="chart-pie"]').text())).toEqual([{ name: '中共党员', value: 12 }, { name: '群众', value: 5 }]);
    expect(JSON.parse(wrapper.find('[data-test="chart-bar"]').text())).toEqual([{ name: '党支部', value: 2 }, { name: '局', value: 1 }]);
    expect(wrapper.text()).toContain('李书记');
    expect(wrapper.text()).toContain('党总支书记');
  });

  it('asks nothing the user may not read and shows no card for it', async () => {
    const { wrapper, requests } = await mountHome([], {});
    expect(requests.every((r) => r.startsWith('/api/notifications'))).toBe(true);
    expect(wrapper.find('[data-test="stat-people"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="chart-pie"]').exists()).toBe(false);
  });

  it('shows an empty state instead of a chart when nobody is on the roll, to those who can add people', async () => {
    const manager = (await mountHome(['person:read', 'person:manage'], { cpc_member: 0, masses: 0 })).wrapper;
    expect(manager.find('[data-test="chart-pie"]').exists()).toBe(false);
    expect(manager.text()).toContain('暂无人员数据');
    const reader = (await mountHome(['person:read'], { cpc_member: 0, masses: 0 })).wrapper;
    expect(reader.text()).not.toContain('暂无人员数据');
    expect(reader.find('[data-test="stat-people"]').text()).toContain('0');
  });
});
