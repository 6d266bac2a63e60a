import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import type { Clue } from '../../../api/clues';
import OutcomeDialog from './OutcomeDialog.vue';
import { defaultMeasures, type MeasureCatalogue } from './outcome-measures';

const CLUE = { id: '0190a5a0-0000-7000-8000-0000000000c1', code: 'XS-2026-0001' } as Clue;

function fakeApi(bodies: unknown[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST' && url.endsWith('/outcome')) {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(CLUE), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

async function mountDialog(catalogue: MeasureCatalogue = defaultMeasures) {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', fakeApi(bodies));
  setActivePinia(createPinia());
  const wrapper = mount(OutcomeDialog, { props: { clue: null, catalogue }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await wrapper.setProps({ clue: CLUE });
  await flushPromises();
  return { wrapper, bodies };
}

/** Options of the measure select, which Element Plus renders in a popper under body. */
const measureCodes = () => [...document.body.querySelectorAll('[data-test^="outcome-measure-"]')].map((o) => o.getAttribute('data-test')!.replace('outcome-measure-', ''));

async function chooseForm(wrapper: Awaited<ReturnType<typeof mountDialog>>['wrapper'], form: number) {
  await wrapper.find(`[data-test="outcome-form-${form}"] input`).setValue(true);
  await flushPromises();
}

async function chooseMeasure(code: string) {
  (document.body.querySelector(`[data-test="outcome-measure-${code}"]`) as HTMLElement).click();
  await flushPromises();
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('outcome dialog', () => {
  it('offers no measure until a form is chosen, then exactly that form’s measures', async () => {
    const { wrapper } = await mountDialog();
    expect(measureCodes()).toEqual([]);
    expect(wrapper.find('[data-test="outcome-field-measure"]').classes()).not.toContain('is-error');
    expect(wrapper.find('[data-test="outcome-measure"] input').attributes('disabled')).toBeDefined();
    await chooseForm(wrapper, 2);
    expect(measureCodes()).toEqual(defaultMeasures['2'].map((m) => m.code));
    await chooseForm(wrapper, 4);
    expect(measureCodes()).toEqual(['criminal_referral', 'expulsion_and_referral']);
  });

  it('asks when the effect period starts only for a measure that has one, and drops a measure the new form does not have', async () => {
    const { wrapper } = await mountDialog();
    await chooseForm(wrapper, 2);
    await chooseMeasure('party_warning');
    expect(wrapper.find('[data-test="outcome-effect"]').text()).toContain('影响期 12 个月');
    await chooseForm(wrapper, 1);
    expect(wrapper.find('[data-test="outcome-effect"]').exists()).toBe(false);
    await wrapper.find('[data-test="outcome-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="outcome-field-measure"]').classes()).toContain('is-error');
  });

  it('sends the chosen form and measure, with no effect date for a measure without a period', async () => {
    const { wrapper, bodies } = await mountDialog();
    await chooseForm(wrapper, 1);
    await chooseMeasure('talk_reminder');
    await wrapper.find('textarea[data-test="outcome-note"]').setValue('  谈话提醒，本人已作说明  ');
    await wrapper.find('[data-test="outcome-confirm"]').trigger('click');
    await flushPromises();
    expect(bodies).toEqual([{ form: 1, measure: 'talk_reminder', note: '谈话提醒，本人已作说明' }]);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('labels a measure an administrator added by its own name', async () => {
    const { wrapper } = await mountDialog({ ...defaultMeasures, '1': [{ code: 'study_session', effectMonths: 0, name: '专题学习' }] });
    await chooseForm(wrapper, 1);
    expect(document.body.querySelector('[data-test="outcome-measure-study_session"]')?.textContent).toContain('专题学习');
  });
});
