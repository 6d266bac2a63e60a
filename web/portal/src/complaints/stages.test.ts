import { describe, expect, it } from 'vitest';
import type { ComplaintStatus, ReporterView } from '../../../../contracts/complaints';
import { complaintStatuses } from '../../../../contracts/complaints';
import { catalogKeys } from '../i18n';
import { isRedone, steps, stepViews } from './stages';

function view(status: ComplaintStatus, extra: Partial<ReporterView> = {}): ReporterView {
  return {
    code: 'TS-2026-0001',
    status,
    categoryName: '民生资金',
    matterName: '低保审核',
    orgName: '第一党支部',
    submittedAt: '2026-03-02T09:00:00+08:00',
    assignedAt: '2026-03-03T09:00:00+08:00',
    dispatchedAt: '2026-03-04T09:00:00+08:00',
    answeredAt: null,
    closedAt: null,
    answer: null,
    rejectionReason: null,
    messages: [],
    ratings: [],
    canRate: false,
    canMessage: true,
    ...extra,
  };
}

const states = (v: ReporterView) => stepViews(v).map((s) => s.state);

describe('the step indicator', () => {
  it('has a step, with a label in both languages, for every status but 不予受理', () => {
    expect([...steps, 'rejected'].sort()).toEqual([...complaintStatuses].sort());
    const keys = new Set(catalogKeys('zh-CN'));
    for (const s of complaintStatuses) expect(keys.has(`status.${s}`), s).toBe(true);
    for (const s of ['done', 'current', 'todo']) expect(keys.has(`follow.stepState.${s}`), s).toBe(true);
  });

  it('marks the steps before the status done, the status current and the rest to do', () => {
    expect(states(view('submitted'))).toEqual(['current', 'todo', 'todo', 'todo', 'todo', 'todo', 'todo']);
    expect(states(view('dispatched'))).toEqual(['done', 'done', 'current', 'todo', 'todo', 'todo', 'todo']);
    expect(states(view('in_progress'))).toEqual(['done', 'done', 'done', 'current', 'todo', 'todo', 'todo']);
    expect(states(view('answered'))).toEqual(['done', 'done', 'done', 'done', 'current', 'todo', 'todo']);
    expect(states(view('rated'))).toEqual(['done', 'done', 'done', 'done', 'done', 'current', 'todo']);
  });

  it('shows 办结 as finished, not as a step still running', () => {
    expect(states(view('closed'))).toEqual(Array(7).fill('done'));
  });

  it('has no line for a complaint that was not accepted: the page shows the reason instead', () => {
    expect(stepViews(view('rejected', { rejectionReason: '不属于受理范围' }))).toEqual([]);
  });

  it('dates each reached step, and no step not yet reached', () => {
    const v = view('rated', { answeredAt: '2026-03-09T10:00:00+08:00', ratings: [{ round: 1, rating: 'satisfied', at: '2026-03-10T08:00:00+08:00' }] });
    const at = Object.fromEntries(stepViews(v).map((s) => [s.step, s.at]));
    expect(at).toEqual({
      submitted: '2026-03-02T09:00:00+08:00',
      assigned: '2026-03-03T09:00:00+08:00',
      dispatched: '2026-03-04T09:00:00+08:00',
      in_progress: null,
      answered: '2026-03-09T10:00:00+08:00',
      rated: '2026-03-10T08:00:00+08:00',
      closed: null,
    });
    expect(stepViews(view('submitted')).map((s) => s.at)).toEqual(['2026-03-02T09:00:00+08:00', null, null, null, null, null, null]);
  });

  it('knows a case handled again (重办) after a dissatisfied first rating, until the second rating', () => {
    const first = [{ round: 1, rating: 'dissatisfied' as const, at: '2026-03-10T08:00:00+08:00' }];
    expect(isRedone(view('in_progress', { ratings: first }))).toBe(true);
    expect(isRedone(view('answered', { ratings: first, canRate: true }))).toBe(true);
    expect(isRedone(view('rated', { ratings: first }))).toBe(false);
    expect(isRedone(view('rated', { ratings: [...first, { round: 2, rating: 'basically_satisfied', at: '2026-03-20T08:00:00+08:00' }] }))).toBe(false);
    expect(isRedone(view('in_progress', { ratings: [{ round: 1, rating: 'satisfied', at: '2026-03-10T08:00:00+08:00' }] }))).toBe(false);
    expect(isRedone(view('in_progress'))).toBe(false);
  });
});
