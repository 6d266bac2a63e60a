import { describe, expect, it } from 'vitest';
import { eventActor, eventText, eventTone, isFinished, statusOrder } from './complaint-terms';

const known = (k: string) => ['complaints.events.recused', 'complaints.events.answered', 'complaints.events.linked'].includes(k);

describe('complaint terms', () => {
  it('call only 办结 and 不予受理 finished', () => {
    expect(statusOrder.filter(isFinished)).toEqual(['closed', 'rejected']);
  });

  it('put facts into the sentence and keep people\'s words as the note', () => {
    expect(eventText({ kind: 'recused', note: '2' }, known)).toEqual({ key: 'complaints.events.recused', params: { value: '2' }, note: '' });
    expect(eventText({ kind: 'linked', note: 'TS-2026-000003' }, known).params).toEqual({ value: 'TS-2026-000003' });
    expect(eventText({ kind: 'answered', note: '已核实' }, known)).toEqual({ key: 'complaints.events.answered', params: {}, note: '已核实' });
  });

  it('name an event the web does not know by its kind, keeping its note', () => {
    expect(eventText({ kind: 'escalated', note: 'x' }, known)).toEqual({ key: 'complaints.events.unknown', params: { kind: 'escalated' }, note: 'x' });
  });

  it('colour outcomes and leave routine steps neutral', () => {
    expect(eventTone('rejected')).toBe('danger');
    expect(eventTone('assigned')).toBe('info');
  });
});

describe('complaint timeline actors', () => {
  it('name staff, the reporter for what happens on the portal, and the system for the rest', () => {
    expect(eventActor({ kind: 'answered', actorName: '王琴' })).toEqual({ name: '王琴' });
    expect(eventActor({ kind: 'rated', actorName: null })).toEqual({ key: 'complaints.thread.reporter' });
    expect(eventActor({ kind: 'submitted', actorName: null })).toEqual({ key: 'complaints.thread.reporter' });
    expect(eventActor({ kind: 'closed', actorName: null })).toEqual({ key: 'complaints.events.noActor' });
  });
});
