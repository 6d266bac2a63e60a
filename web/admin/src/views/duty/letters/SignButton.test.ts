import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import type { DutyLetter } from '../../../api/duty-letters';
import { confirmState, settleConfirm } from '../../../utils/confirm';
import SignButton from './SignButton.vue';

const HASH = 'ab'.repeat(32);
const ID = '0190a5a0-0000-7000-8000-0000000000d1';

function letter(over: { mineSigned?: boolean; mine?: boolean; actions?: DutyLetter['actions'] } = {}): DutyLetter {
  const party = (seq: number, name: string, mine: boolean, signedAt: string | null) => ({
    id: `0190a5a0-0000-7000-8000-00000000000${seq}`, seq, label: seq === 1 ? '甲方（签字）' : '乙方（签字）', person: { id: `0190a5a0-0000-7000-8000-00000000010${seq}`, name }, orgName: '局机关', signedAt, mine,
  });
  return {
    id: ID, code: 'ZRS-2026-0001', year: 2026, level: 'bureau', org: { id: '0190a5a0-0000-7000-8000-0000000000a1', name: '局机关' }, title: '2026 年度党风廉政建设责任书',
    status: 'signing', parties: [party(1, '书记', false, '2026-02-01T09:00:00+08:00'), party(2, '班子成员', over.mine ?? true, over.mineSigned ? '2026-02-02T10:00:00+08:00' : null)],
    signedCount: over.mineSigned ? 2 : 1, partyCount: 2, revisionOf: null, supersededBy: null, issuedAt: '2026-01-20T09:00:00+08:00', signedAt: null,
    template: { id: '0190a5a0-0000-7000-8000-0000000000c1', name: '班子成员' }, preamble: '', duties: ['履行一岗双责'], closing: '', contentHash: HASH, signatures: [], revisionReason: '',
    actions: over.actions ?? (over.mineSigned || over.mine === false ? [] : ['sign']),
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function mountButton(l: DutyLetter) {
  setLocale('zh-CN');
  return mount(SignButton, { props: { letter: l }, global: { plugins: [i18n, ElementPlus] } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  settleConfirm(false);
});

describe('SignButton', () => {
  it('offers signing to a party who has not signed, and signs the hash shown only after confirmation', async () => {
    const signed = { ...letter({ mineSigned: true }), status: 'signed' };
    const fetch = vi.fn(async () => json(signed));
    vi.stubGlobal('fetch', fetch);
    const wrapper = mountButton(letter());
    const button = wrapper.get('[data-test="duty-sign"]');
    expect(button.attributes('disabled')).toBeUndefined();

    await button.trigger('click');
    expect(confirmState.open).toBe(true);
    expect(confirmState.message).toContain('ZRS-2026-0001');
    expect(confirmState.message).toContain(HASH.slice(0, 16));
    expect(fetch).not.toHaveBeenCalled();

    settleConfirm(true);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/duty-letters/${ID}/sign`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ contentHash: HASH });
    expect(wrapper.emitted('signed')?.[0]?.[0]).toMatchObject({ status: 'signed' });
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const fetch = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fetch);
    const wrapper = mountButton(letter());
    await wrapper.get('[data-test="duty-sign"]').trigger('click');
    settleConfirm(false);
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.emitted('signed')).toBeUndefined();
  });

  it('shows the own signature instead of a button once signed', () => {
    const wrapper = mountButton(letter({ mineSigned: true }));
    expect(wrapper.find('[data-test="duty-sign"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="duty-sign-done"]').text()).toContain('2026-02-02 10:00');
  });

  it('shows a disabled button to a party the server does not let sign now, and nothing to a non-party', () => {
    const waiting = mountButton(letter({ actions: [] }));
    expect(waiting.get('[data-test="duty-sign-unavailable"]').attributes('disabled')).toBeDefined();
    expect(waiting.find('[data-test="duty-sign"]').exists()).toBe(false);
    const outsider = mountButton(letter({ mine: false }));
    expect(outsider.html()).not.toContain('data-test="duty-sign');
  });

  it('asks the page to reload when the letter changed meanwhile (409)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ error: { code: 'STATE_INVALID', params: {}, requestId: 'r' } }, 409)));
    const wrapper = mountButton(letter());
    await wrapper.get('[data-test="duty-sign"]').trigger('click');
    settleConfirm(true);
    await flushPromises();
    expect(wrapper.emitted('stale')).toHaveLength(1);
    expect(wrapper.emitted('signed')).toBeUndefined();
  });
});
