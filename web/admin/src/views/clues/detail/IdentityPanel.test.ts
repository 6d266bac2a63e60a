import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import type { Clue } from '../../../api/clues';
import { confirmState, settleConfirm } from '../../../utils/confirm';
import IdentityPanel from './IdentityPanel.vue';

const ID = '0190a5a0-0000-7000-8000-0000000000c1';
const clue = (identity: Partial<Clue['identity']>, actions: Clue['actions']): Clue =>
  ({ id: ID, code: 'XS-2026-0001', actions, identity: { named: true, available: true, grantUntil: null, grantPurpose: null, myRequests: [], ...identity } }) as Clue;

function fakeApi(calls: { url: string; body: unknown }[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
    const body = url.endsWith('/identity') ? { name: '陈立群', mobile: '13907311234', unit: '闸站管理所', grantUntil: '2026-11-28T09:00:00+08:00' } : {};
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

async function mountPanel(c: Clue) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', fakeApi(calls));
  const wrapper = mount(IdentityPanel, { props: { clue: c }, global: { plugins: [i18n, ElementPlus] } });
  await flushPromises();
  return { wrapper, calls };
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('sealed identity panel', () => {
  it('shows a named reporter only as sealed, with the request form and no way to view', async () => {
    const { wrapper, calls } = await mountPanel(clue({}, ['request_identity']));
    expect(wrapper.find('[data-test="clue-identity-sealed"]').text()).toBe('已密封');
    expect(wrapper.find('[data-test="clue-identity-view"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="clue-identity-reason"]').exists()).toBe(true);
    expect(calls).toEqual([]);
  });

  it('views the identity only after a purpose is given, once, and drops it when the dialog closes', async () => {
    const { wrapper, calls } = await mountPanel(clue({ grantUntil: '2026-11-28T09:00:00+08:00', grantPurpose: 'handling' }, ['view_identity']));
    await wrapper.find('[data-test="clue-identity-view"]').trigger('click');
    settleConfirm(false);
    await flushPromises();
    expect(calls).toEqual([]);

    await wrapper.find('[data-test="clue-identity-view"]').trigger('click');
    confirmState.reasonText = '电话告知受理';
    settleConfirm(true);
    await flushPromises();
    expect(calls).toEqual([{ url: `/api/clues/${ID}/identity`, body: { purpose: '电话告知受理' } }]);
    expect(wrapper.find('[data-test="clue-identity-name"]').text()).toBe('陈立群');
    expect(wrapper.emitted('changed')).toHaveLength(1);

    await wrapper.find('[data-test="clue-identity-close"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="clue-identity-name"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain('陈立群');
    expect(calls).toHaveLength(1);
  });

  it('says an anonymous report has no identity at all', async () => {
    const { wrapper } = await mountPanel(clue({ named: false }, ['request_identity']));
    expect(wrapper.find('[data-test="clue-identity-anonymous"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="clue-identity-reason"]').exists()).toBe(false);
  });
});
