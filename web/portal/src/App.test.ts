import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalSite } from '../../../contracts/portal';
import App from './App.vue';
import { setLocale } from './i18n';
import { currentPath, navigate } from './router';
import { loadSite, site } from './site';

function serve(body: PortalSite | null): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(async () => (body ? new Response(JSON.stringify(body), { status: 200 }) : new Response('{}', { status: 503 })));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function render(body: PortalSite | null) {
  const fetchMock = serve(body);
  await loadSite();
  const wrapper = mount(App, { attachTo: document.body });
  await flushPromises();
  return { wrapper, fetchMock };
}

beforeEach(() => {
  setLocale('zh-CN');
  navigate('/');
  Object.assign(site, { name: null, sections: [], failed: false });
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('portal home', () => {
  it('shows the tenant and marks the sections the server does not list as coming soon', async () => {
    const { wrapper, fetchMock } = await render({ name: '长江河道管理局', sections: ['home', 'about', 'complaint'] });
    expect(fetchMock).toHaveBeenCalledWith('/api/portal/site', expect.objectContaining({ credentials: 'omit' }));
    expect(wrapper.find('.hero__kicker').text()).toBe('长江河道管理局');
    expect(document.title).toBe('监督一点通 · 长江河道管理局');
    const open = wrapper.findAll('a.card');
    expect(open.map((a) => a.attributes('href'))).toEqual(['/portal/complaint']);
    expect(open[0]!.text()).toContain('我要投诉');
    const soon = wrapper.findAll('.card--soon');
    expect(soon.map((c) => c.find('.card__title').text())).toEqual(['公开信息', '小微权力清单', '查询进度', '公开统计']);
    for (const c of soon) expect(c.text()).toContain('即将开放');
  });

  it('still renders, with a notice, when the server cannot be reached', async () => {
    const { wrapper } = await render(null);
    expect(wrapper.find('[role="status"]').text()).toContain('暂时无法连接');
    expect(wrapper.findAll('.card--soon')).toHaveLength(5);
    expect(wrapper.find('h1').text()).toBe('监督一点通');
  });

  it('switches language, remembers it and tells assistive technology', async () => {
    const { wrapper } = await render({ name: '长江河道管理局', sections: ['home', 'about'] });
    await wrapper.find('button.lang-switch').trigger('click');
    expect(document.documentElement.lang).toBe('en-US');
    expect(localStorage.getItem('qingfeng.portal.locale')).toBe('en-US');
    expect(wrapper.find('h1').text()).toBe('Supervision at a Tap');
    expect(wrapper.find('button.lang-switch').text()).toBe('中文');
  });

  it('moves between pages without reloading, marking the current one', async () => {
    const { wrapper } = await render({ name: '长江河道管理局', sections: ['home', 'about'] });
    await wrapper.find('nav a[href="/portal/about"]').trigger('click');
    await flushPromises();
    expect(currentPath.value).toBe('/about');
    expect(location.pathname).toBe('/portal/about');
    expect(wrapper.find('h1').text()).toBe('关于监督一点通');
    expect(wrapper.find('nav a[aria-current="page"]').text()).toBe('关于本站');
    expect(wrapper.find('article').text()).toContain('长江河道管理局面向群众');
    navigate('/no-such-page');
    await flushPromises();
    expect(wrapper.find('h1').text()).toBe('页面不存在');
  });
});
