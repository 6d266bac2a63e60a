import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { reactive } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import ScoreSheet from './ScoreSheet.vue';
import { definition, feeds, saved, score } from './sheet-fixture';
import { sheetModel } from './sheet';

function mountSheet(editable: boolean, compare: { label: string; score: typeof score } | null = null) {
  setLocale('zh-CN');
  const model = reactive(sheetModel(definition, saved));
  const wrapper = mount(ScoreSheet, {
    props: { definition, feeds, model, score, editable, stage: 'review', compare, 'onUpdate:model': () => undefined },
    global: { plugins: [i18n, ElementPlus] },
  });
  return { wrapper, model };
}

describe('ScoreSheet', () => {
  it('shows the server figures per item and section, the fed count, the zero item and the computed grade', async () => {
    const { wrapper } = mountSheet(false);
    await flushPromises();
    expect(wrapper.get('[data-test="sheet-item-1.3"] [data-test="sheet-indicator-score"]').text()).toBe('7');
    expect(wrapper.get('[data-test="sheet-item-1.3"] [data-test="sheet-feed"]').text()).toBe('自动取数 3 次');
    expect(wrapper.get('[data-test="sheet-item-1.3"]').text()).toContain('−3');
    expect(wrapper.find('[data-test="sheet-item-1.2"] [data-test="sheet-zero"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-test="sheet-section-score"]').map((s) => s.text())).toEqual(['15 / 30', '8 / 10']);
    expect(wrapper.get('[data-test="sheet-total"]').text()).toBe('24');
    expect(wrapper.get('[data-test="sheet-grade"]').text()).toBe('不合格');
    expect(wrapper.get('[data-test="sheet-totals"]').text()).toContain('零分项：1.2');
  });

  it('is read-only when the caller may not score: values, no inputs', async () => {
    const { wrapper } = mountSheet(false);
    await flushPromises();
    for (const input of ['sheet-score-input', 'sheet-override-input', 'sheet-count-input', 'sheet-comment', 'sheet-remark']) expect(wrapper.find(`[data-test="${input}"]`).exists()).toBe(false);
    expect(wrapper.get('[data-test="sheet-veto"] input').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-test="sheet-item-1.2"] [data-test="sheet-score-value"]').text()).toBe('0');
    expect(wrapper.get('[data-test="sheet-item-1.2"] [data-test="sheet-comment-value"]').text()).toContain('未开展');
  });

  it('gives each kind of item its input, and asks for a comment when a fed count is overridden', async () => {
    const { wrapper, model } = mountSheet(true);
    await flushPromises();
    expect(wrapper.findAll('[data-test="sheet-item-1.2"] [data-test="sheet-score-input"]')).toHaveLength(1);
    expect(wrapper.findAll('[data-test="sheet-item-1.1"] [data-test="sheet-score-input"]')).toHaveLength(0);
    expect(wrapper.findAll('[data-test="sheet-item-1.1"] [data-test="sheet-member"]')).toHaveLength(1);
    expect(wrapper.findAll('[data-test="sheet-item-1.3"] [data-test="sheet-override-input"]')).toHaveLength(1);
    expect(wrapper.findAll('[data-test="sheet-item-2.1"] [data-test="sheet-count-input"]')).toHaveLength(1);
    expect(wrapper.find('[data-test="sheet-problem"]').exists()).toBe(false);

    model.rows['1.3']!.occurrences['1.3-1'] = 1;
    await flushPromises();
    expect(wrapper.get('[data-test="sheet-item-1.3"] [data-test="sheet-problem"]').text()).toBe('修改自动取数的次数须填写说明');

    await wrapper.get('[data-test="sheet-item-1.3"] textarea[data-test="sheet-comment"]').setValue('一项已按期完成');
    expect(model.rows['1.3']!.comment).toBe('一项已按期完成');
    expect(wrapper.find('[data-test="sheet-item-1.3"] [data-test="sheet-problem"]').exists()).toBe(false);
  });

  it('shows the 自评 figure beside each item for the 考核小组', async () => {
    const self = { ...score, indicators: score.indicators.map((i) => (i.code === '1.2' ? { ...i, score: 9 } : i)) };
    const { wrapper } = mountSheet(true, { label: '自评', score: self });
    await flushPromises();
    expect(wrapper.get('[data-test="sheet-item-1.2"] [data-test="sheet-compare-score"]').text()).toContain('自评 9');
  });
});
