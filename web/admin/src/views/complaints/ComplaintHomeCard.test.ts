import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me, Permission } from '../../api/types';
import type { ComplaintSummary } from '../../api/complaints';
import ComplaintHomeCard from './ComplaintHomeCard.vue';

const ref = { id: '0190a5a0-0000-7000-8000-000000000010', name: '办公室' };
const complaint = (code: string, sla: ComplaintSummary['sla'], status: ComplaintSummary['status']): ComplaintSummary => ({
  id: `0190a5a0-0000-7000-8000-00000000${code.slice(-4)}`, code, channel: 'portal', status, category: ref, matter: { id: ref.id, name: `事项 ${code}` }, org: ref,
  responsibleOrg: null, anonymous: true, excerpt: '……', submittedAt: '2026-03-02T09:00:00+08:00', dueDate: null, sla, extensions: 0, redos: 0, dissatisfied: 0, caseId: null,
});

/** Answers the inbox like the server would for the query it is given, and records every query. */
function fakeInbox(requests: URLSearchParams[]) {
  const all = [
    complaint('TS-2026-000001', 'blue', 'submitted'),
    complaint('TS-2026-000002', 'blue', 'submitted'),
    complaint('TS-2026-000003', 'yellow', 'dispatched'),
    complaint('TS-2026-000004', 'red', 'in_progress'),
    complaint('TS-2026-000005', null, 'submitted'),
    complaint('TS-2026-000006', null, 'closed'),
  ];
  return vi.fn(async (url: string) => {
    const q = new URL(url, 'http://x').searchParams;
    requests.push(q);
    const items = all.filter((c) => (!q.get('sla') || c.sla === q.get('sla')) && (!q.get('status') || c.status === q.get('status')));
    const pageSize = Number(q.get('pageSize'));
    return new Response(JSON.stringify({ items: items.slice(0, pageSize), total: items.length, page: 1, pageSize }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

function me(permissions: Permission[]): Me {
  return {
    userId: '0190a5a0-0000-7000-8000-000000000001', username: 'u', displayName: '王纪检', personId: null, accountKind: 'business', roles: ['discipline_officer'], permissions,
    locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '测试单位', isDemo: false },
  };
}

async function mountCard(permissions: Permission[]) {
  setLocale('zh-CN');
  const requests: URLSearchParams[] = [];
  vi.stubGlobal('fetch', fakeInbox(requests));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me(permissions);
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  const wrapper = mount(ComplaintHomeCard, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('[data-test="home-complaints-red"]').text()).not.toContain('—');
  });
  return { wrapper, requests, router };
}

afterEach(() => vi.unstubAllGlobals());

describe('ComplaintHomeCard', () => {
  it('counts the inbox by SLA colour and lists the most serious first', async () => {
    const { wrapper } = await mountCard(['complaint:read']);
    expect(wrapper.find('[data-test="home-complaints-blue"]').text()).toContain('2');
    expect(wrapper.find('[data-test="home-complaints-yellow"]').text()).toContain('1');
    expect(wrapper.find('[data-test="home-complaints-red"]').text()).toContain('1');
    expect(wrapper.findAll('[data-test="home-complaints-item"]').map((r) => r.text().slice(0, 14))).toEqual(['TS-2026-000004', 'TS-2026-000003', 'TS-2026-000001', 'TS-2026-000002']);
    expect(wrapper.find('[data-test="home-complaints-waiting"]').exists()).toBe(false);
  });

  it('shows supervisors what waits for 分办, and opens the inbox on exactly the colour clicked', async () => {
    const { wrapper, requests, router } = await mountCard(['complaint:read', 'complaint:supervise']);
    expect(wrapper.find('[data-test="home-complaints-waiting"]').text()).toContain('3');
    expect(requests.filter((q) => q.get('status') === 'submitted').length).toBe(1);
    await wrapper.find('[data-test="home-complaints-yellow"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/complaints?sla=yellow'));
  });
});
