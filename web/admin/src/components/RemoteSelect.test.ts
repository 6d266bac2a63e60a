import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '../i18n';
import RemoteSelect from './RemoteSelect.vue';

type Item = { id: string; code: string };
const items: Item[] = [{ id: 'a', code: 'XS-2026-0001' }, { id: 'b', code: 'XS-2026-0002' }];

function mountSelect(find: (q: string | undefined) => Promise<Item[]>) {
  const wrapper = mount(RemoteSelect, {
    props: { find, label: (x: { id: string }) => (x as Item).code, placeholder: '线索编号' },
    global: { plugins: [i18n, ElementPlus] },
  });
  return { wrapper, select: wrapper.findComponent({ name: 'ElSelect' }) };
}

describe('RemoteSelect', () => {
  it('asks once with no words when first opened, then with the trimmed words typed, and offers what comes back', async () => {
    const find = vi.fn(async (q: string | undefined) => items.filter((x) => !q || x.code.endsWith(q)));
    const { wrapper, select } = mountSelect(find);
    select.vm.$emit('visible-change', true);
    await flushPromises();
    expect(find).toHaveBeenCalledWith(undefined);
    expect(wrapper.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['XS-2026-0001', 'XS-2026-0002']);
    select.vm.$emit('visible-change', true);
    await (select.props('remoteMethod') as (q: string) => Promise<void>)('  0002 ');
    await flushPromises();
    expect(find.mock.calls).toEqual([[undefined], ['0002']]);
    expect(wrapper.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['b']);
  });
});
