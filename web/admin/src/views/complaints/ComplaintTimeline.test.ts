import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import type { ComplaintEvent } from '../../api/complaints';
import ComplaintTimeline from './ComplaintTimeline.vue';

const event = (n: number, kind: string, visibility: ComplaintEvent['visibility'], note: string): ComplaintEvent => ({
  id: `0190a5a0-0000-7000-8000-00000000000${n}`, at: '2026-03-02T09:00:00+08:00', kind, actorName: '王纪检', note, visibility,
});

const mountTimeline = (events: ComplaintEvent[]) => mount(ComplaintTimeline, { props: { events }, global: { plugins: [i18n, ElementPlus] } });

beforeEach(() => setLocale('zh-CN'));

describe('complaint timeline', () => {
  it('tags a public step 群众可见 but its note 内部, since the reporter sees the step and never its note', () => {
    const wrapper = mountTimeline([event(1, 'assigned', 'public', '请核实，注意保护反映人')]);
    const entry = wrapper.find('[data-test="timeline-assigned"]');
    expect(entry.find('[data-test="timeline-visibility-public"]').text()).toBe('群众可见');
    const note = entry.find('[data-test="timeline-note"]');
    expect(note.text()).toContain('请核实，注意保护反映人');
    expect(note.find('[data-test="timeline-note-internal"]').text()).toBe('内部');
    expect(note.find('[data-test="timeline-visibility-public"]').exists()).toBe(false);
  });

  it('shows no note block for a step without words, nor for a fact put into the sentence', () => {
    const wrapper = mountTimeline([event(1, 'answered', 'public', ''), event(2, 'recused', 'internal', '2')]);
    expect(wrapper.find('[data-test="timeline-note"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="timeline-recused"]').text()).toContain('2 名相关人员自动回避');
  });
});
