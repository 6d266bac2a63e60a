import { describe, expect, it } from 'vitest';
import { slaColours, slaMark } from './sla';

describe('slaMark', () => {
  it('shows the colour the server sends on an open item', () => {
    expect(slaColours.map((sla) => slaMark({ sla, status: 'in_progress' }).colour)).toEqual(['blue', 'yellow', 'red']);
    expect(slaMark({ sla: 'red', status: 'awaiting_verification' })).toEqual({ colour: 'red', labelKey: 'rectification.sla.red', hintKey: 'rectification.sla.hints.red' });
  });

  it('reads no colour on an open item as on time, and on a closed item as no deadline', () => {
    expect(slaMark({ sla: null, status: 'pending' }).colour).toBe('blue');
    expect(slaMark({ sla: null, status: 'in_progress' }).colour).toBe('blue');
    expect(slaMark({ sla: null, status: 'closed' })).toEqual({ colour: 'none', labelKey: 'rectification.sla.none', hintKey: 'rectification.sla.hints.none' });
  });
});
