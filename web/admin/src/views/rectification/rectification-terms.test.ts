import { describe, expect, it } from 'vitest';
import { rectificationSources, rectificationStatuses } from '../../../../../contracts/rectification';
import { appLocales, loadMessages, type MessageTree } from '../../i18n/messages';
import { eventKinds, eventParams, eventTone, sourceOrder, statusOrder, statusTag } from './rectification-terms';
import { slaColours, slaMark } from './sla';

const messages = loadMessages();
function lookup(locale: (typeof appLocales)[number], key: string): string | undefined {
  let node: MessageTree | string | undefined = messages[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const t = (key: string) => lookup('zh-CN', key) ?? key;

describe('rectification vocabulary', () => {
  it('lists every source and status of the API once', () => {
    expect([...sourceOrder].sort()).toEqual([...rectificationSources].sort());
    expect([...statusOrder]).toEqual([...rectificationStatuses]);
    expect(Object.keys(statusTag).sort()).toEqual([...rectificationStatuses].sort());
  });

  it('names every source, status, event kind, SLA colour and audit action in both languages', () => {
    const keys = [
      ...sourceOrder.map((s) => `rectification.sources.${s}`),
      ...statusOrder.map((s) => `rectification.statuses.${s}`),
      ...eventKinds.map((k) => `rectification.events.${k}`),
      ...[...slaColours, null].map((sla) => slaMark({ sla, status: sla ? 'in_progress' : 'closed' })).flatMap((m) => [m.labelKey, m.hintKey]),
      ...['assigned', 'closed', 'returned', 'reopened', 'extension_approved', 'extension_rejected'].map((k) => `notify.kinds.rectification.${k}`),
      ...['due_soon', 'due_today', 'overdue', 'escalated'].map((k) => `notify.digestItems.rectification.${k}`),
    ];
    const missing = appLocales.flatMap((l) => keys.filter((k) => lookup(l, k) === undefined).map((k) => `${l}:${k}`));
    expect(missing).toEqual([]);
  });
});

describe('eventParams', () => {
  it('turns codes into words and keeps numbers', () => {
    expect(eventParams({ kind: 'created', params: { source: 'patrol_audit', due: '2026-04-01' } }, t)).toEqual({ source: '巡察/审计反馈', due: '2026-04-01' });
    expect(eventParams({ kind: 'evidence_added', params: { seq: 2, files: 3 } }, t)).toEqual({ seq: 2, files: 3 });
    expect(eventParams({ kind: 'updated', params: { fields: 'title,ownerId,unknownField' } }, t)).toEqual({ fields: '问题标题、责任人、unknownField' });
  });

  it('leaves a null parameter empty instead of printing a placeholder', () => {
    expect(eventParams({ kind: 'extension_approved', params: { days: 5, due: null } }, t)).toEqual({ days: 5, due: '' });
  });

  it('colours outcomes and keeps routine steps neutral', () => {
    expect(eventTone('closed')).toBe('success');
    expect(eventTone('returned')).toBe('danger');
    expect(eventTone('reopened')).toBe('danger');
    expect(eventTone('started')).toBe('info');
    expect(eventTone('something_new')).toBe('info');
  });
});
