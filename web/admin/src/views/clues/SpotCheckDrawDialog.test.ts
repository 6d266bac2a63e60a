import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { cluesApi } from '../../api/clues';
import SpotCheckDrawDialog from './SpotCheckDrawDialog.vue';

afterEach(() => vi.restoreAllMocks());

const mountDialog = () => mount(SpotCheckDrawDialog, { props: { open: true }, attachTo: document.body, global: { plugins: [i18n, ElementPlus] } });

describe('SpotCheckDrawDialog', () => {
  it('draws the chosen quarter once and lists the drawn clues to open', async () => {
    setLocale('zh-CN');
    const draw = vi.spyOn(cluesApi, 'drawSpotChecks').mockResolvedValue({
      year: 2026, quarter: 3, percent: 15, population: 9, drawn: [{ id: '0190a5a0-0000-7000-8000-000000000001', code: 'XS-2026-0004' }, { id: '0190a5a0-0000-7000-8000-000000000002', code: 'XS-2026-0007' }],
    });
    const wrapper = mountDialog();
    await flushPromises();
    (document.querySelectorAll('[data-test=spot-draw-quarter] input')[2] as HTMLInputElement).click();
    await flushPromises();
    (document.querySelector('[data-test=spot-draw-confirm]') as HTMLButtonElement).click();
    await flushPromises();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(draw.mock.calls[0]![0].quarter).toBe(3);
    expect(document.querySelector('[data-test=spot-draw-result]')?.textContent).toContain('2026年第3季度：按 15% 从 9 件回复中抽中 2 件。');
    expect(document.querySelector('[data-test=spot-draw-confirm]')).toBeNull();
    const links = [...document.querySelectorAll('[data-test=spot-draw-clue]')];
    expect(links.map((l) => l.textContent?.trim())).toEqual(['XS-2026-0004', 'XS-2026-0007']);
    (links[1] as HTMLButtonElement).click();
    expect(wrapper.emitted('open')).toEqual([['0190a5a0-0000-7000-8000-000000000002']]);
    wrapper.unmount();
  });
});
