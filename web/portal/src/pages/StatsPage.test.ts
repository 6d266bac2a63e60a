import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import StatsPage from './StatsPage.vue';
import { json, scriptServer } from './test-helpers';

const stats = {
  minimumCell: 7,
  byOrg: [
    { label: '闸站管理所', total: 12, replyRate: 0.917, satisfactionRate: 0.8, suppressed: false },
    { label: '财务处', total: null, replyRate: null, satisfactionRate: null, suppressed: true },
  ],
  byCategory: [{ label: '民生资金', total: 9, replyRate: 1, satisfactionRate: null, suppressed: false }],
};

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('zh-CN');
});

describe('public statistics', () => {
  it('show counts and rates per org and category, and hide small cells with the server’s minimum', async () => {
    scriptServer({ '/api/portal/complaints/stats': [json(stats)] });
    const wrapper = mount(StatsPage);
    await flushPromises();
    const rows = (table: string) => wrapper.findAll(`[data-test="${table}"] tbody tr`).map((r) => r.findAll('th, td').map((c) => c.text()));
    expect(rows('stats-byOrg')).toEqual([
      ['闸站管理所', '12', '91.7%', '80.0%'],
      ['财务处', '不足7件，不予公开'],
    ]);
    expect(rows('stats-byCategory')).toEqual([['民生资金', '9', '100.0%', '—']]);
    expect(wrapper.find('.lead').text()).toContain('少于 7 件');
    setLocale('en-US');
    await flushPromises();
    expect(wrapper.find('[data-test="stats-suppressed"]').text()).toBe('Fewer than 7: not published');
  });

  it('offers a retry when the figures cannot be loaded', async () => {
    scriptServer({ '/api/portal/complaints/stats': [json({ error: { code: 'UNAVAILABLE' } }, 503), json(stats)] });
    const wrapper = mount(StatsPage);
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('统计数据加载失败');
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-test="stats-row"]')).toHaveLength(3);
  });
});
