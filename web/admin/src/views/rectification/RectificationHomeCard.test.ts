import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me, Permission, RectificationSummary } from '../../api/types';
import RectificationHomeCard from './RectificationHomeCard.vue';

const ME = '0190a5a0-0000-7000-8000-0000000000aa';
const item = (code: string, status: RectificationSummary['status'], dueDate: string): RectificationSummary => ({
  id: `0190a5a0-0000-7000-8000-00000000${code.slice(-4)}`, code, title: `问题 ${code}`, sourceType: 'manual', sourceId: null, sourceLabel: '',
  org: { id: '0190a5a0-0000-7000-8000-000000000010', name: '办公室' }, leader: null, owner: { id: ME, name: '叶旭文' }, status, dueDate,
  overdue: false, sla: null, extensions: 0, reopens: 0, measuresDone: 0, measuresTotal: 1, createdAt: '2026-03-02T09:00:00+08:00', closedAt: null,
});

/** Answers the ledger like the server would for the query it is given, and records every query. */
function fakeLedger(requests: URLSearchParams[]) {
  const byStatus: Record<string, RectificationSummary[]> = {
    pending: [item('ZG-2026-0003', 'pending', '2026-04-20'), item('ZG-2026-0004', 'pending', '2026-03-10')],
    in_progress: [item('ZG-2026-0001', 'in_progress', '2026-03-20')],
    awaiting_verification: [item('ZG-2026-0002', 'awaiting_verification', '2026-03-05')],
  };
  return vi.fn(async (url: string) => {
    const q = new URL(url, 'http://x').searchParams;
    requests.push(q);
    let items = Object.values(byStatus).flat();
    if (q.get('status')) items = byStatus[q.get('status')!] ?? [];
    if (q.get('overdue') === 'true') items = q.get('ownerId') ? items.slice(0, 1) : items.slice(0, 2);
    const pageSize = Number(q.get('pageSize'));
    return new Response(JSON.stringify({ items: items.slice(0, pageSize), total: items.length, page: 1, pageSize }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

function me(permissions: Permission[], personId: string | null): Me {
  return {
    userId: '0190a5a0-0000-7000-8000-000000000001', username: 'u', displayName: '叶旭文', personId, accountKind: 'business', roles: ['staff'], permissions,
    locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '测试单位', isDemo: false },
  };
}

async function mountCard(permissions: Permission[], personId: string | null) {
  setLocale('zh-CN');
  const requests: URLSearchParams[] = [];
  vi.stubGlobal('fetch', fakeLedger(requests));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me(permissions, personId);
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  const wrapper = mount(RectificationHomeCard, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[data-test="home-rectification-scope-overdue"]').text()).not.toContain('—');
  });
  return { wrapper, requests };
}

afterEach(() => vi.unstubAllGlobals());

describe('RectificationHomeCard', () => {
  it('counts the owner\'s open items in every open state and lists those to work on, nearest due first', async () => {
    const { wrapper, requests } = await mountCard(['rectification:read'], ME);
    expect(wrapper.find('[data-test="home-rectification-open"]').text()).toContain('4');
    expect(wrapper.find('[data-test="home-rectification-overdue"]').text()).toContain('1');
    expect(wrapper.findAll('[data-test="home-rectification-item"]').map((r) => r.text().slice(0, 12))).toEqual(['ZG-2026-0004', 'ZG-2026-0001', 'ZG-2026-0003']);
    const mine = requests.filter((q) => q.get('ownerId'));
    expect(mine.length).toBe(4);
    expect(mine.every((q) => q.get('ownerId') === ME)).toBe(true);
    expect(wrapper.find('[data-test="home-rectification-scope-awaiting"]').exists()).toBe(false);
  });

  it('shows verifiers what waits for verification in their scope, and asks nothing per owner without a person', async () => {
    const { wrapper, requests } = await mountCard(['rectification:read', 'rectification:verify'], null);
    expect(wrapper.find('[data-test="home-rectification-scope-awaiting"]').text()).toContain('1');
    expect(wrapper.find('[data-test="home-rectification-open"]').exists()).toBe(false);
    expect(requests.some((q) => q.get('ownerId'))).toBe(false);
    expect(wrapper.text()).toContain('整改事项');
  });
});
