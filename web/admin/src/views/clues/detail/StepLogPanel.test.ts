import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import type { ClueStep, ClueStepVerification } from '../../../api/clues';
import StepLogPanel from './StepLogPanel.vue';

const CLUE = '0190a5a0-0000-7000-8000-0000000000c1';
const step = (seq: number, kind: ClueStep['kind']): ClueStep => ({
  seq, id: `0190a5a0-0000-7000-8000-00000000000${seq}`, at: '2026-03-02T09:00:00+08:00', kind, actor: { id: '0190a5a0-0000-7000-8000-0000000000a1', name: '王纪检' },
  facts: { decision: 'accept' }, prevHash: '0'.repeat(64), hash: `${seq}`.repeat(64), signed: true,
});

function fakeApi(steps: ClueStep[], verification: ClueStepVerification, requests: string[]) {
  return vi.fn(async (url: string) => {
    requests.push(url);
    const body = url.endsWith('/steps/verify') ? verification : url.endsWith('/steps') ? { items: steps } : { error: { code: 'NOT_FOUND' } };
    return new Response(JSON.stringify(body), { status: 'error' in body ? 404 : 200, headers: { 'content-type': 'application/json' } });
  });
}

async function mountPanel(steps: ClueStep[], verification: ClueStepVerification) {
  const requests: string[] = [];
  vi.stubGlobal('fetch', fakeApi(steps, verification, requests));
  const wrapper = mount(StepLogPanel, { props: { clueId: CLUE, stepCount: steps.length }, global: { plugins: [i18n, ElementPlus] } });
  await flushPromises();
  return { wrapper, requests };
}

async function verify(wrapper: Awaited<ReturnType<typeof mountPanel>>['wrapper']) {
  await wrapper.find('[data-test="clue-steps-verify"]').trigger('click');
  await flushPromises();
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('clue step log panel', () => {
  const three = [step(1, 'registered'), step(2, 'scope_decided'), step(3, 'identity_viewed')];

  it('numbers the steps and marks nothing before 验证 is pressed', async () => {
    const { wrapper, requests } = await mountPanel(three, { ok: true, steps: 3, problems: [] });
    expect(wrapper.findAll('.clue-step__seq').map((s) => s.text())).toEqual(['1', '2', '3']);
    expect(wrapper.find('[data-test="clue-step-3"]').text()).toContain('查阅身份（借阅登记）');
    expect(wrapper.find('[data-test="clue-step-ok"]').exists()).toBe(false);
    expect(requests).toEqual([`/api/clues/${CLUE}/steps`]);
  });

  it('marks every step 正常 when the chain verifies', async () => {
    const { wrapper, requests } = await mountPanel(three, { ok: true, steps: 3, problems: [] });
    await verify(wrapper);
    expect(requests.at(-1)).toBe(`/api/clues/${CLUE}/steps/verify`);
    expect(wrapper.find('[data-test="clue-steps-ok"]').text()).toContain('验证通过：3 步');
    expect(wrapper.findAll('[data-test="clue-step-ok"]')).toHaveLength(3);
    expect(wrapper.find('[data-test^="clue-step-problem-"]').exists()).toBe(false);
  });

  it('flags the altered step with each of its problems and lists a cut-off end, which no shown step carries, on its own', async () => {
    const problems: ClueStepVerification['problems'] = [{ seq: 2, kind: 'hash' }, { seq: 2, kind: 'signature' }, { seq: 4, kind: 'head' }];
    const { wrapper } = await mountPanel(three, { ok: false, steps: 3, problems });
    await verify(wrapper);
    expect(wrapper.find('[data-test="clue-steps-bad"]').text()).toContain('发现 3 处问题');
    const second = wrapper.find('[data-test="clue-step-2"]');
    expect(second.classes()).toContain('is-bad');
    expect(second.findAll('[data-test^="clue-step-problem-"]').map((t) => t.text())).toEqual(['被改动', '签名无效']);
    expect(second.find('[data-test="clue-step-ok"]').exists()).toBe(false);
    for (const seq of [1, 3]) expect(wrapper.find(`[data-test="clue-step-${seq}"] [data-test="clue-step-ok"]`).exists()).toBe(true);
    expect(wrapper.find('[data-test="clue-steps-unlisted-head"]').text()).toBe('办理记录的末尾与线索登记的第 4 步不符，末尾的步骤可能被删除或替换');
  });

  it('names a gap and a foreign key on the steps they concern', async () => {
    const { wrapper } = await mountPanel([step(1, 'registered'), step(3, 'proposed')], { ok: false, steps: 2, problems: [{ seq: 2, kind: 'gap' }, { seq: 3, kind: 'key' }] });
    await verify(wrapper);
    expect(wrapper.find('[data-test="clue-steps-unlisted-gap"]').text()).toBe('第 2 步缺失（编号不连续）');
    expect(wrapper.find('[data-test="clue-step-3"] [data-test="clue-step-problem-key"]').text()).toBe('公钥不符');
  });
});
