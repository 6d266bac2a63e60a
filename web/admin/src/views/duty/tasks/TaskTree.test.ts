import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../../i18n';
import TaskTree from './TaskTree.vue';
import { task } from './task-fixture';

function rows(wrapper: ReturnType<typeof mount>) {
  return wrapper.findAll('tbody tr').map((tr) => ({
    number: tr.find('[data-test="duty-task-number"]').text(),
    progress: tr.find('[data-test="duty-task-progress"]'),
    share: tr.find('[data-test="duty-task-share"]'),
    deadline: tr.find('[data-test="duty-task-deadline"]'),
  }));
}

describe('TaskTree', () => {
  it('shows the rolled-up parent above its children, each child with its share and the points it adds', async () => {
    setLocale('zh-CN');
    // The server's roll-up: (60×50 + 40×100) / 100 = 70 for 1; 1 and 2 weigh 2:1 in the plan.
    const parent = task({ number: '1', weight: 2, progress: 70, status: 'in_progress', childCount: 2 });
    const unitA = task({ number: '1.1', parentId: parent.id, weight: 60, progress: 50, status: 'in_progress', org: { id: '0190a5a0-0000-7000-8000-0000000000a2', name: '闸站管理所' } });
    const unitB = task({ number: '1.2', parentId: parent.id, weight: 40, progress: 100, status: 'completed', org: { id: '0190a5a0-0000-7000-8000-0000000000a3', name: '办公室' } });
    const late = task({ number: '2', weight: 1, progress: 20, status: 'in_progress', overdue: true, overdueSince: '2026-06-01', deadline: '2026-05-31' });
    const wrapper = mount(TaskTree, { props: { tasks: [parent, unitA, unitB, late], rootCount: 2 }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();

    const r = rows(wrapper);
    expect(r.map((x) => x.number)).toEqual(['1', '1.1', '1.2', '2']);
    expect(r[0]!.progress.text()).toContain('70%');
    expect(r[0]!.share.text()).toBe('占比 66.67%，贡献 46.67');
    expect(r[1]!.share.text()).toBe('占比 60%，贡献 30');
    expect(r[2]!.share.text()).toBe('占比 40%，贡献 40');
    expect(r[0]!.progress.classes()).not.toContain('is-exception');
    expect(r[2]!.progress.classes()).toContain('is-success');
    expect(wrapper.text()).toContain('由 2 项下级任务汇总');
  });

  it('shows no share where a sibling is out of view, since the roll-up counts it', async () => {
    setLocale('zh-CN');
    // A unit officer sees 1.1 of the three children of 1, and neither of the plan's other top-level tasks.
    const parent = task({ number: '1', weight: 2, progress: 40, status: 'in_progress', childCount: 3 });
    const unitA = task({ number: '1.1', parentId: parent.id, weight: 60, progress: 50, status: 'in_progress' });
    const wrapper = mount(TaskTree, { props: { tasks: [parent, unitA], rootCount: 3 }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();
    expect(wrapper.findAll('[data-test="duty-task-share"]')).toHaveLength(0);
    expect(rows(wrapper)[0]!.progress.text()).toContain('40%');
  });

  it('shares the top rows of a task page among the task\'s own children', async () => {
    setLocale('zh-CN');
    const parentId = '0190a5a0-0000-7000-8000-0000000000f9';
    const a = task({ number: '5.1', parentId, weight: 10, progress: 0, overdue: true, deadline: '2026-06-30' });
    const b = task({ number: '5.2', parentId, weight: 5, progress: 0 });
    const c = task({ number: '5.3', parentId, weight: 5, progress: 100, status: 'completed' });
    const wrapper = mount(TaskTree, { props: { tasks: [a, b, c], rootParentId: parentId, rootCount: 3 }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();
    expect(rows(wrapper).map((r) => r.share.text())).toEqual(['占比 50%，贡献 0', '占比 25%，贡献 0', '占比 25%，贡献 25']);
    expect(rows(wrapper)[0]!.progress.text()).toContain('0%');
  });

  it('paints an overdue task red, deadline and bar, and marks it', async () => {
    setLocale('zh-CN');
    const late = task({ number: '3', progress: 20, status: 'in_progress', overdue: true, overdueSince: '2026-06-01', deadline: '2026-05-31' });
    const onTime = task({ number: '4', progress: 20, status: 'in_progress' });
    const wrapper = mount(TaskTree, { props: { tasks: [late, onTime] }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();
    const [a, b] = rows(wrapper);
    expect(a!.deadline.classes()).toContain('duty-overdue');
    expect(a!.progress.classes()).toContain('is-exception');
    expect(b!.deadline.classes()).not.toContain('duty-overdue');
    expect(wrapper.findAll('[data-test="duty-task-overdue"]')).toHaveLength(1);
  });

  it('says so when a plan has no tasks', async () => {
    setLocale('zh-CN');
    const wrapper = mount(TaskTree, { props: { tasks: [] }, global: { plugins: [i18n, ElementPlus] } });
    await flushPromises();
    expect(wrapper.text()).toContain('还没有任务');
  });
});
