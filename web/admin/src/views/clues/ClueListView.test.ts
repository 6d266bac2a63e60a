import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus, { ElSelect, ElTabs } from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me, Permission } from '../../api/types';
import type { ClueSummary } from '../../api/clues';
import ClueListView from './ClueListView.vue';

const ORG = { id: '0190a5a0-0000-7000-8000-000000000010', name: '闸站管理所' };
const OWNER = { id: '0190a5a0-0000-7000-8000-000000000011', name: '王纪检' };

function clue(n: number, over: Partial<ClueSummary> = {}): ClueSummary {
  return {
    id: `0190a5a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`, code: `XS-2026-${String(n).padStart(4, '0')}`, source: 'letter', named: false,
    category: 'integrity', status: 'accepted', receivedOn: '2026-03-02', registeredAt: '2026-03-02T09:00:00+08:00', reportedName: '李四', reportedOrg: ORG,
    reportedLevel: 'section', summary: '违规收受礼金', owner: OWNER, myRole: 'owner', scopeDecidedOn: '2026-03-04', method: null, form: null, measure: null,
    closedOn: null, acceptanceNoticeOn: null, resultNoticeOn: null, nextClock: null, repeatOf: null, ...over,
  };
}

const rows = [
  clue(1, { named: true, method: 'talk_inquiry', nextClock: { kind: 'reply', due: '2026-03-20', doneOn: null, colour: 'red' } }),
  clue(2, { status: 'closed', method: 'talk_inquiry', form: 1, measure: 'talk_reminder', closedOn: '2026-04-01', named: true, acceptanceNoticeOn: '2026-03-05', resultNoticeOn: null }),
  // A registrar's row: the register entry without the reported person or summary.
  clue(3, { reportedName: null, reportedOrg: null, summary: null, owner: null, myRole: 'registrar', status: 'registered' }),
];

/** Answers /api/clues like the server would for the filters it can check here, and records every query. */
function fakeApi(requests: URL[], items: ClueSummary[]) {
  return vi.fn(async (url: string) => {
    const u = new URL(url, 'http://x');
    requests.push(u);
    const q = u.searchParams;
    const hit = items.filter((c) => (!q.get('status') || c.status === q.get('status')) && (!q.get('source') || c.source === q.get('source')) && (!q.get('q') || c.code.includes(q.get('q') ?? '')));
    const body = { items: hit, total: hit.length, page: Number(q.get('page')), pageSize: Number(q.get('pageSize')) };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

function me(permissions: Permission[]): Me {
  return {
    userId: '0190a5a0-0000-7000-8000-000000000001', username: 'jijian', displayName: '王纪检', personId: null, accountKind: 'business', roles: ['discipline_officer'], permissions,
    locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '测试单位', isDemo: false },
  };
}

async function mountList(items: ClueSummary[], path = '/clues', permissions: Permission[] = ['clue:read', 'clue:register']) {
  setLocale('zh-CN');
  const requests: URL[] = [];
  vi.stubGlobal('fetch', fakeApi(requests, items));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me(permissions);
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  await router.push(path);
  const wrapper = mount(ClueListView, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  mounted.push(wrapper);
  await vi.waitFor(async () => {
    await flushPromises();
    expect(requests.length).toBeGreaterThan(0);
  }, { timeout: 15_000 });
  await flushPromises();
  return { wrapper, requests, router };
}

const headers = (w: VueWrapper) => w.findAll('[data-test="clue-table"] th').map((h) => h.text()).filter(Boolean);
const lastQuery = (requests: URL[]) => (requests.at(-1) as URL).searchParams;

async function choose(w: VueWrapper, test: string, value: unknown): Promise<void> {
  const select = w.findAllComponents(ElSelect).find((s) => s.attributes('data-test') === test);
  if (!select) throw new Error(`no select ${test}`);
  select.vm.$emit('update:modelValue', value);
  await flushPromises();
}

const mounted: VueWrapper[] = [];
// happy-dom lays nothing out, so the filter form's auto label width measures NaN when it goes away.
const warn = console.warn.bind(console);
vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => (String(a[0]).includes('unexpected width') ? undefined : warn(...a)));

afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount();
  vi.unstubAllGlobals();
});

describe('ClueListView', { timeout: 30_000 }, () => {
  it('opens on the 受理 ledger with its columns and masks the reporter as 实名/匿名', async () => {
    const { wrapper, requests } = await mountList(rows);
    expect(lastQuery(requests).get('ledger')).toBe('intake');
    expect(headers(wrapper)).toEqual(['线索编号', '收到日期', '线索来源', '署名情况', '被反映人', '问题类别', '主要问题', '办理状态']);
    expect(wrapper.findAll('[data-test="clue-cell-named"]').map((c) => c.text())).toEqual(['实名', '实名', '匿名']);
    expect(wrapper.findAll('[data-test="clue-cell-reported"]')[2]?.text()).toBe('仅登记信息');
  });

  it('switches ledgers: each asks the server for its ledger and shows its own columns', async () => {
    const { wrapper, requests, router } = await mountList(rows);
    const tabs = wrapper.findComponent(ElTabs);
    tabs.vm.$emit('tab-change', 'supervision');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(lastQuery(requests).get('ledger')).toBe('supervision');
    }, { timeout: 15_000 });
    expect(headers(wrapper)).toEqual(['线索编号', '被反映人', '处置方式', '主办人', '办理状态', '最近时限']);
    expect(wrapper.find('[data-test="clue-clock-red"]').text()).toContain('函询回复');
    expect(router.currentRoute.value.query.ledger).toBe('supervision');

    tabs.vm.$emit('tab-change', 'closure');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(lastQuery(requests).get('ledger')).toBe('closure');
    }, { timeout: 15_000 });
    expect(headers(wrapper)).toEqual(['线索编号', '被反映人', '办结日期', '处理结果', '署名情况', '向实名反映人反馈', '办理状态']);
    const outcome = wrapper.findAll('[data-test="clue-cell-outcome"]')[1]?.text();
    expect(outcome).toContain('第一种形态');
    expect(outcome).toContain('谈话提醒');
    expect(wrapper.findAll('[data-test="clue-cell-notices"]')[1]?.text()).toMatch(/受理告知：2026-03-05\s*结果反馈：未告知/);
  });

  it('opens on the ledger the address names', async () => {
    const { wrapper, requests } = await mountList(rows, '/clues?ledger=disposal');
    expect(lastQuery(requests).get('ledger')).toBe('disposal');
    expect(headers(wrapper)).toContain('分流时间');
  });

  it('sends every filter it shows, with the number search, and resets them without leaving the ledger', async () => {
    const { wrapper, requests } = await mountList(rows);
    await wrapper.find('input[data-test="clue-search-q"]').setValue('XS-2026-0001');
    await choose(wrapper, 'clue-search-status', 'accepted');
    await choose(wrapper, 'clue-search-source', 'letter');
    await choose(wrapper, 'clue-search-method', 'talk_inquiry');
    await choose(wrapper, 'clue-search-form', 1);
    await choose(wrapper, 'clue-search-category', 'integrity');
    await choose(wrapper, 'clue-search-year', 2026);
    await wrapper.find('[data-test="clue-filters"]').trigger('submit');
    await flushPromises();
    const q = lastQuery(requests);
    expect(Object.fromEntries(q)).toEqual({
      q: 'XS-2026-0001', status: 'accepted', source: 'letter', method: 'talk_inquiry', form: '1', category: 'integrity', year: '2026', ledger: 'intake', page: '1', pageSize: '20',
    });
    expect(wrapper.findAll('[data-test="clue-open"]').map((b) => b.text())).toEqual(['XS-2026-0001']);

    await wrapper.find('[data-test="clue-search-reset"]').trigger('click');
    await flushPromises();
    expect(Object.fromEntries(lastQuery(requests))).toEqual({ ledger: 'intake', page: '1', pageSize: '20' });
  });

  it('on a phone shows cards with the ledger columns and folds the filters behind the number search', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('max-width'), media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
    const { wrapper } = await mountList(rows);
    expect(wrapper.find('[data-test="clue-table"]').exists()).toBe(false);
    const cards = wrapper.findAll('[data-test="clue-card"]');
    expect(cards.map((c) => c.find('[data-test="clue-open"]').text())).toEqual(['XS-2026-0001', 'XS-2026-0002', 'XS-2026-0003']);
    expect(cards[0]?.findAll('dt').map((d) => d.text())).toEqual(['收到日期', '线索来源', '署名情况', '被反映人', '问题类别', '主要问题', '办理状态']);
    expect(wrapper.find('input[data-test="clue-search-q"]').exists()).toBe(true);
    const filterSelects = () => wrapper.findAllComponents(ElSelect).map((s) => s.attributes('data-test')).filter((d) => d?.startsWith('clue-search'));
    expect(filterSelects()).toEqual([]);
    await wrapper.find('[data-test="clue-more-filters"]').trigger('click');
    expect(filterSelects()).toEqual([
      'clue-search-status', 'clue-search-source', 'clue-search-method', 'clue-search-form', 'clue-search-category', 'clue-search-year',
    ]);
  });

  it('says only that nothing matches when the list is empty, never that other clues exist', async () => {
    const { wrapper } = await mountList([], '/clues', ['clue:read']);
    const empty = wrapper.find('[data-test="clue-empty"]').text();
    expect(empty).toBe('没有符合条件的问题线索');
    expect(wrapper.text()).not.toMatch(/权限|无权|其他|隐藏|共有/);
    expect(wrapper.find('[data-test="clue-register"]').exists()).toBe(false);
  });
});
