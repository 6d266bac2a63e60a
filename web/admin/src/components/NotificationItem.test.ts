import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n, setLocale } from '../i18n';
import type { Notification } from '../api/types';
import NotificationItem from './NotificationItem.vue';

const item = (kind: string, params: Notification['params']): Notification => ({
  id: '0190a5a0-0000-7000-8000-000000000001', kind, params, link: null, createdAt: '2026-03-02T09:00:00+08:00', readAt: null,
});
const text = (n: Notification) => mount(NotificationItem, { props: { item: n }, global: { plugins: [i18n] } }).find('.notify-item__text').text();

describe('NotificationItem', () => {
  it('breaks a digest down by the kinds it knows and skips the others', () => {
    setLocale('zh-CN');
    const digest = item('digest', { date: '2026-03-02', count: 7, 'n.rectification.overdue': 2, 'n.rectification.escalated': 1, 'n.unknown.kind': 4 });
    expect(text(digest)).toBe('2026-03-02 您有 7 项事项临近或已到期，请及时处理。其中：整改已逾期 2 项，逾期整改督办 1 项。');
    setLocale('en-US');
    expect(text(digest)).toBe('2026-03-02: 7 items of yours are due soon or overdue. (rectification overdue: 2; overdue rectification escalated to you: 1)');
    setLocale('zh-CN');
  });

  it('leaves a digest without known kinds as it was', () => {
    setLocale('zh-CN');
    expect(text(item('digest', { date: '2026-03-02', count: 1 }))).toBe('2026-03-02 您有 1 项事项临近或已到期，请及时处理。');
  });

  it('says what happened to a rectification item by its code and title', () => {
    setLocale('zh-CN');
    expect(text(item('rectification.returned', { code: 'ZG-2026-0003', title: '公务用车台账不全' }))).toBe('整改事项 ZG-2026-0003“公务用车台账不全”验收未通过，已退回整改，请查看验收意见。');
  });

  it('tells a custodian of an identity request without naming the clue', () => {
    setLocale('zh-CN');
    expect(text(item('clue.identity_requested', {}))).toBe('有一项查阅反映人身份的申请待您审批。');
  });
});
