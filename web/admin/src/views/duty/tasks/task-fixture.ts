import type { DutyTaskSummary } from '../../../api/duty-tasks';

let n = 0;

/** A task summary as the server answers it, for the tree tests; ids count up per call. */
export function task(over: Partial<DutyTaskSummary> & Pick<DutyTaskSummary, 'number'>): DutyTaskSummary {
  n += 1;
  return {
    id: `0190a5a0-0000-7000-8000-${String(n).padStart(12, '0')}`, planId: '0190a5a0-0000-7000-8000-0000000000f1', year: 2026, parentId: null, depth: over.number.split('.').length - 1,
    title: `任务 ${over.number}`, description: '', leader: null, org: { id: '0190a5a0-0000-7000-8000-0000000000a1', name: '局机关' }, coOrgs: [], owner: null,
    deadline: '2026-12-31', evidenceForms: ['report'], weight: 1, recurrence: 'none', progress: 0, status: 'not_started', overdue: false, overdueSince: null,
    childCount: 0, pendingReports: 0, updatedAt: '2026-03-01T09:00:00+08:00', ...over,
  };
}
