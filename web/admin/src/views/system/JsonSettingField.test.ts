import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import JsonSettingField from './JsonSettingField.vue';

const rules = { excellent: { minScore: 90 }, pass: { minScore: 60 } };
const mountField = () => mount(JsonSettingField, { props: { value: rules, defaultValue: { excellent: { minScore: 85 } } }, global: { plugins: [i18n, ElementPlus] } });

describe('JsonSettingField', () => {
  it('shows the value as JSON and passes on only text that parses', async () => {
    setLocale('zh-CN');
    const wrapper = mountField();
    const area = wrapper.find('textarea');
    expect(JSON.parse(area.element.value)).toEqual(rules);

    await area.setValue('{ "excellent": { "minScore": 9');
    expect(wrapper.emitted('invalid')?.at(-1)).toEqual([true]);
    expect(wrapper.emitted('change')).toBeUndefined();
    expect(wrapper.find('[data-test=setting-json-error]').text()).toBe('JSON 格式有误，修正后才能保存');

    await area.setValue('{ "excellent": { "minScore": 95 } }');
    expect(wrapper.emitted('invalid')?.at(-1)).toEqual([false]);
    expect(wrapper.emitted('change')?.at(-1)).toEqual([{ excellent: { minScore: 95 } }]);
    expect(wrapper.find('[data-test=setting-json-error]').exists()).toBe(false);
  });

  it('restores the default and follows a reverted value', async () => {
    const wrapper = mountField();
    await wrapper.find('[data-test=setting-json-default]').trigger('click');
    expect(wrapper.emitted('change')?.at(-1)).toEqual([{ excellent: { minScore: 85 } }]);

    await wrapper.find('textarea').setValue('not json');
    await wrapper.setProps({ value: { ...rules } });
    expect(JSON.parse(wrapper.find('textarea').element.value)).toEqual(rules);
    expect(wrapper.emitted('invalid')?.at(-1)).toEqual([false]);
  });
});
