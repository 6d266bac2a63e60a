import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus, { ElRadioGroup, ElSelect } from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import ConvertComplaintDialog from './ConvertComplaintDialog.vue';

const ORG = { id: '0190a5a0-0000-7000-8000-000000000010', parentId: null, kind: 'bureau', name: '财务股', shortName: '财务', code: null, sort: 0, status: 'active', updatedAt: '2026-03-02T09:00:00+08:00' };
const COMPLAINT = { id: '0190a5a0-0000-7000-8000-000000000030', code: 'TS-2026-000001', org: { id: ORG.id } };

function fakeApi(posts: { path: string; body: unknown }[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://x').pathname;
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/api/orgs') return json({ items: [ORG] });
    if (init?.method === 'POST') {
      posts.push({ path, body: JSON.parse(String(init.body)) });
      return json({ id: '0190a5a0-0000-7000-8000-000000000099', code: 'XS-2026-0009' }, 201);
    }
    return json({ error: { code: 'NOT_FOUND', params: {} } }, 404);
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('ConvertComplaintDialog', { timeout: 30_000 }, () => {
  it('starts from the complaint’s unit, refuses without the clue’s own fields, then sends them to the complaint’s clue route', async () => {
    setLocale('zh-CN');
    const posts: { path: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', fakeApi(posts));
    setActivePinia(createPinia());
    const wrapper = mount(ConvertComplaintDialog, { props: { complaint: null }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
    await wrapper.setProps({ complaint: COMPLAINT });
    await flushPromises();
    const dialog = () => document.body.querySelector('[data-test="convert-clue-dialog"]') as HTMLElement;
    const click = async (test: string) => {
      (dialog().querySelector(`[data-test="${test}"]`) as HTMLElement).click();
      await flushPromises();
    };

    await click('convert-clue-confirm');
    await vi.waitFor(async () => {
      await flushPromises();
      expect([...dialog().querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())).toEqual([
        '请选择或填写被反映人', '请选择被反映人级别', '请选择问题类别', '请填写主要问题（至少 2 个字）',
      ]);
    }, { timeout: 15_000 });
    expect(posts).toEqual([]);

    wrapper.findAllComponents(ElRadioGroup).find((r) => r.attributes('data-test') === 'clue-reported-mode')?.vm.$emit('update:modelValue', true);
    await flushPromises();
    const name = dialog().querySelector('input[data-test="clue-reported-name"]') as HTMLInputElement;
    name.value = '窗口工作人员';
    name.dispatchEvent(new Event('input'));
    wrapper.findAllComponents(ElRadioGroup).find((r) => r.attributes('data-test') === 'clue-reported-level')?.vm.$emit('update:modelValue', 'below');
    wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-test') === 'convert-category')?.vm.$emit('update:modelValue', 'mass');
    const summary = dialog().querySelector('input[data-test="convert-summary"]') as HTMLInputElement;
    summary.value = '办事窗口吃拿卡要';
    summary.dispatchEvent(new Event('input'));
    await flushPromises();

    await click('convert-clue-confirm');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.emitted('converted')).toBeTruthy();
    }, { timeout: 15_000 });
    expect(posts).toEqual([{
      path: `/api/complaints/${COMPLAINT.id}/clue`,
      body: { category: 'mass', reportedName: '窗口工作人员', reportedOrgId: ORG.id, reportedLevel: 'below', summary: '办事窗口吃拿卡要' },
    }]);
    wrapper.unmount();
  });
});
