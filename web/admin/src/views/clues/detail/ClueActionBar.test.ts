import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import ClueActionBar from './ClueActionBar.vue';

const mountBar = (actions: string[]) => mount(ClueActionBar, { props: { actions }, global: { plugins: [i18n, ElementPlus] } });
const shown = (actions: string[]) => mountBar(actions).findAll('[data-test^="clue-action-"]').map((b) => b.attributes('data-test'));

beforeEach(() => setLocale('zh-CN'));

describe('clue action bar', () => {
  it('shows a button for each step the server offers, the awaited step first and the exits last', () => {
    expect(shown(['transfer', 'close_no_action', 'shelve', 'talk_plan', 'check_plan'])).toEqual([
      'clue-action-talk_plan', 'clue-action-check_plan', 'clue-action-shelve', 'clue-action-close_no_action', 'clue-action-transfer',
    ]);
  });

  it('shows nothing for panel actions, for actions it does not know, or when nothing is offered', () => {
    expect(shown(['attach', 'manage_access', 'request_identity', 'view_identity'])).toEqual([]);
    expect(shown(['teleport'])).toEqual([]);
    expect(shown([])).toEqual([]);
  });

  it('labels the buttons in Chinese and says which step was pressed', async () => {
    const bar = mountBar(['scope', 'outcome']);
    expect(bar.find('[data-test="clue-action-scope"]').text()).toBe('研判分流');
    expect(bar.find('[data-test="clue-action-outcome"]').text()).toBe('认定处理结果');
    await bar.find('[data-test="clue-action-outcome"]').trigger('click');
    await bar.find('[data-test="clue-action-scope"]').trigger('click');
    expect(bar.emitted('press')).toEqual([['outcome'], ['scope']]);
  });

  it('offers the referral packet as a choice of Word or Excel instead of a step', async () => {
    const bar = mountBar(['referral']);
    await bar.find('[data-test="clue-action-referral"]').trigger('click');
    expect(bar.emitted('press')).toBeUndefined();
    expect(bar.find('[data-test="clue-action-referral"]').text()).toContain('移送材料');
  });
});
