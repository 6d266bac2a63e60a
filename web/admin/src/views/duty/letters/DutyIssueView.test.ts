import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import { stubbedRoutes } from '../../../router/stubbed-routes';
import type { DutyProposal } from '../../../api/duty-letters';
import { settleConfirm } from '../../../utils/confirm';
import DutyIssueView from './DutyIssueView.vue';

const id = (n: number) => `0190a5a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, name: string, hasAccount = true) => ({ person: { id: id(100 + n), name }, hasAccount });
const bureau = { id: id(1), name: '长江河道管理局', kind: 'bureau' };
const unit = { id: id(2), name: '闸站管理所', kind: 'unit' };

/** Three pairs: one ready, one whose head has no account, one issued already this year. */
function proposal(year: number): DutyProposal {
  return {
    year,
    items: [
      { level: 'bureau', org: bureau, parties: [person(1, '曹宇飞'), person(2, '雷林')], existingLetterId: null },
      { level: 'unit', org: unit, parties: [person(2, '雷林'), person(3, '王琴', false)], existingLetterId: null },
      { level: 'bureau', org: bureau, parties: [person(1, '曹宇飞'), person(4, '付艳悦')], existingLetterId: id(900) },
    ],
    unresolved: [],
  };
}

const template = (n: number, level: string | null) => ({
  id: id(200 + n), name: `模板 ${n}`, level, title: 'T', preamble: '', duties: ['x'], closing: '', signatureLabels: ['甲方', '乙方'], letterCount: 0, createdAt: '2026-01-01T00:00:00+08:00', updatedAt: '2026-01-01T00:00:00+08:00',
});

function fakeServer(posted: unknown[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const u = new URL(url, 'http://x');
    const send = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/duty-letters/proposal') return send(proposal(Number(u.searchParams.get('year'))));
    if (u.pathname === '/api/duty-letter-templates') return send({ items: [template(1, 'bureau'), template(2, null)], total: 2, page: 1, pageSize: 100 });
    if (u.pathname === '/api/duty-letters/issue' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return send({ created: 1, ids: [id(901)] }, 201);
    }
    return send({ error: { code: 'NOT_FOUND', params: {} } }, 404);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  settleConfirm(false);
});

describe('DutyIssueView', () => {
  it('ticks only the letters that can go, and issues exactly the ticked ones with the template for their level', async () => {
    setLocale('zh-CN');
    const posted: unknown[] = [];
    vi.stubGlobal('fetch', fakeServer(posted));
    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
    const wrapper = mount(DutyIssueView, { global: { plugins: [pinia, i18n, router, ElementPlus] }, attachTo: document.body });
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.findAll('[data-test="duty-issue-table"] tbody tr')).toHaveLength(3);
    });

    const boxes = wrapper.findAll('[data-test="duty-issue-table"] tbody tr .el-checkbox');
    expect(boxes.map((b) => b.classes().includes('is-checked'))).toEqual([true, false, false]);
    expect(boxes.map((b) => b.classes().includes('is-disabled'))).toEqual([false, true, true]);
    const rows = wrapper.findAll('[data-test="duty-issue-table"] tbody tr').map((r) => r.text());
    expect(rows[1]).toContain('没有系统账号');
    expect(rows[2]).toContain('本年度已下达');
    const submit = wrapper.get('[data-test="duty-issue-submit"]');
    expect(submit.text()).toBe('下达 1 份');

    await submit.trigger('click');
    settleConfirm(true);
    await flushPromises();
    // From November on the page prepares next year's letters.
    const now = new Date();
    const year = now.getFullYear() + (now.getMonth() >= 10 ? 1 : 0);
    expect(posted).toEqual([{ year, letters: [{ templateId: id(201), level: 'bureau', orgId: bureau.id, partyPersonIds: [id(101), id(102)] }] }]);
    wrapper.unmount();
  });
});
