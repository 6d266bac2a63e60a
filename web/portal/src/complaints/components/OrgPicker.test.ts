import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n';
import type { CatalogueOrg } from '../catalogue';
import OrgPicker from './OrgPicker.vue';

const orgs: CatalogueOrg[] = [
  { id: 'root', name: '长江河道管理局', parentId: null },
  ...Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, name: `巡查${i + 1}中队`, parentId: 'root' })),
];

describe('the org picker', () => {
  it('shows a short list to browse, more for a search, and says how many it leaves out', async () => {
    setLocale('zh-CN');
    const wrapper = mount(OrgPicker, { props: { orgs, fromQr: false, error: null, modelValue: null } });
    const options = () => wrapper.findAll('[data-test="portal-complaint-org-option"]');
    expect(options()).toHaveLength(10);
    expect(wrapper.find('#complaint-org-count').text()).toBe('找到 41 个单位，下面列出前 10 个，请输入名称缩小范围。');
    await wrapper.find('[data-test="portal-complaint-org-search"]').setValue('中队');
    expect(options()).toHaveLength(30);
    await wrapper.find('[data-test="portal-complaint-org-search"]').setValue('巡查1');
    expect(options().map((o) => o.find('.choice__title').text())).toEqual(['巡查1中队', '巡查10中队', '巡查11中队', '巡查12中队', '巡查13中队', '巡查14中队', '巡查15中队', '巡查16中队', '巡查17中队', '巡查18中队', '巡查19中队']);
    expect(wrapper.find('#complaint-org-count').text()).toBe('共 11 个单位');
    await options()[0]!.find('input').setValue(true);
    expect(wrapper.emitted('update:modelValue')).toEqual([['o0']]);
  });
});
