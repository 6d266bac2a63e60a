import { describe, expect, it } from 'vitest';
import { statusOrder } from './complaint-terms';
import { complaintSlaMark, slaColours } from './sla';

describe('complaint SLA marks', () => {
  it('show the colour the server sent, blue included', () => {
    for (const sla of slaColours) expect(complaintSlaMark({ sla, status: 'submitted' }).colour).toBe(sla);
  });

  it('call an open complaint without a colour on time, and a finished one not running', () => {
    const open = statusOrder.filter((s) => s !== 'closed' && s !== 'rejected');
    expect(open.map((status) => complaintSlaMark({ sla: null, status }).colour)).toEqual(open.map(() => 'ok'));
    expect(complaintSlaMark({ sla: null, status: 'closed' }).colour).toBe('none');
    expect(complaintSlaMark({ sla: null, status: 'rejected' }).colour).toBe('none');
  });

  it('keep a late colour on a finished complaint, so the record shows it was late', () => {
    expect(complaintSlaMark({ sla: 'red', status: 'closed' })).toEqual({ colour: 'red', labelKey: 'complaints.sla.red', hintKey: 'complaints.sla.hints.red' });
  });
});
