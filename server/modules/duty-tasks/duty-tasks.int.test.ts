import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyPlan, DutyTask, DutyTaskPage } from '../../../contracts/duty-tasks.js';
import { systemCtx } from '../../platform/context.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { draftOf } from '../../platform/storage/attachments.cases.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { assessmentFeed } from '../assessment/assessment.feeds.js';
import { dutyTaskDigest } from './duty-tasks.digest.js';
import { overdueTasks } from './duty-tasks.feed.js';
import { scratchPlan, scratchTask } from './duty-tasks.fixtures.js';
import { watchOverdue } from './duty-tasks.jobs.js';

let w: World;
beforeAll(async () => {
  w = await createWorld({ clock: new FakeClock('2026-03-02T09:00:00+08:00') });
});
afterAll(async () => w.close());

async function ok<T>(as: FixtureUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const c = w.as(as);
  const res = method === 'GET' ? await c.get(url) : method === 'DELETE' ? await c.delete(url) : method === 'PATCH' ? await c.patch(url, body) : await c.post(url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

const task = (id: string, as: FixtureUser = 'discipline') => ok<DutyTask>(as, 'GET', `/api/duty-tasks/${id}`);
const report = (as: FixtureUser, id: string, percent: number, occurrenceId?: string) =>
  ok<DutyTask>(as, 'POST', `/api/duty-tasks/${id}/reports`, { percent, note: '已按要求完成并上传佐证材料。', ...(occurrenceId && { occurrenceId }) });
const accept = (as: FixtureUser, t: DutyTask) => ok<DutyTask>(as, 'POST', `/api/duty-tasks/${t.id}/reports/${t.reports.find((r) => r.status === 'pending')!.id}/accept`, { comment: '同意' });

describe('decomposition down the org tree', () => {
  it('numbers children under the parent, keeps each child inside the parent org subtree, and names the assigning org', async () => {
    const { taskId } = await scratchTask(w, { org: 'bureau', leader: 'secretary' });
    const parent = await ok<DutyTask>('discipline', 'POST', `/api/duty-tasks/${taskId}/decompose`, {
      children: [{ orgId: w.orgs.unitA, weight: 3, ownerId: w.users.unitOfficer.personId }, { orgId: w.orgs.office, weight: 1, title: '办公室落实', ownerId: w.users.orgOfficer.personId }],
    });
    expect(parent.children.map((c) => [c.number, c.org.id, c.title, c.leader?.id])).toEqual([
      ['1.1', w.orgs.unitA, parent.title, w.users.secretary.personId],
      ['1.2', w.orgs.office, '办公室落实', w.users.secretary.personId],
    ]);
    expect(parent.timeline.map((e) => e.kind)).toEqual(['created', 'decomposed']);
    const child = await task(parent.children[0]!.id);
    expect(child.assignedBy).toEqual({ id: w.orgs.bureau, name: '长江河道管理局' });
    expect(child.ancestors.map((a) => a.number)).toEqual(['1']);

    const outside = await w.as('discipline').post(`/api/duty-tasks/${child.id}/decompose`, { children: [{ orgId: w.orgs.branch1, weight: 1 }] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('DUTY_TASK_ORG_OUTSIDE_PARENT');
    const grandchild = await ok<DutyTask>('unitOfficer', 'POST', `/api/duty-tasks/${child.id}/decompose`, { children: [{ orgId: w.orgs.unitASection, weight: 1 }] });
    expect(grandchild.children[0]!.number).toBe('1.1.1');
    expect((await task(grandchild.children[0]!.id)).assignedBy.id).toBe(w.orgs.unitA);
  });

  it('a unit officer cannot decompose a task of an org outside its unit', async () => {
    const { taskId } = await scratchTask(w, { org: 'office' });
    expect((await w.as('unitOfficer').post(`/api/duty-tasks/${taskId}/decompose`, { children: [{ orgId: w.orgs.office, weight: 1 }] })).statusCode).toBe(404);
  });
});

describe('progress: reports, review and the weighted roll-up', () => {
  it('rolls accepted progress up by 分值 to the parent and the plan', async () => {
    const planId = await scratchPlan(w);
    const { taskId } = await scratchTask(w, { planId, org: 'bureau' });
    const parent = await ok<DutyTask>('discipline', 'POST', `/api/duty-tasks/${taskId}/decompose`, {
      children: [{ orgId: w.orgs.unitA, weight: 3, ownerId: w.users.staff.personId }, { orgId: w.orgs.office, weight: 1, ownerId: w.users.staff.personId }],
    });
    const [a, b] = parent.children;
    const reported = await report('staff', a!.id, 100);
    expect(reported).toMatchObject({ status: 'submitted', progress: 0, pendingReports: 1 });
    expect((await task(taskId)).progress).toBe(0);
    expect((await accept('discipline', reported)).progress).toBe(100);
    expect((await task(taskId)).progress).toBe(75);
    await accept('discipline', await report('staff', b!.id, 40));
    expect(await task(taskId)).toMatchObject({ progress: 85, status: 'in_progress' });
    expect((await ok<DutyPlan>('discipline', 'GET', `/api/duty-plans/${planId}`)).progress).toBe(85);
    await accept('discipline', await report('staff', b!.id, 100));
    expect(await task(taskId)).toMatchObject({ progress: 100, status: 'completed' });
    const done = await w.as('staff').post(`/api/duty-tasks/${b!.id}/reports`, { percent: 100, note: '重复报送' });
    expect(done.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'completed' } });
  });

  it('only leaves take reports; one waits at a time; the reporter never reviews their own; a return carries its comment back', async () => {
    const { taskId } = await scratchTask(w, { org: 'office', owner: 'discipline' });
    const first = await report('discipline', taskId, 50);
    const again = await w.as('discipline').post(`/api/duty-tasks/${taskId}/reports`, { percent: 60, note: '再报' });
    expect(again.json().error.params.state).toBe('report_pending');
    const r = first.reports[0]!;
    expect((await w.as('discipline').post(`/api/duty-tasks/${taskId}/reports/${r.id}/accept`, {})).statusCode).toBe(403);
    expect(first.actions).not.toContain('review');
    expect((await task(taskId, 'orgOfficer')).actions).toContain('review');
    const returned = await ok<DutyTask>('orgOfficer', 'POST', `/api/duty-tasks/${taskId}/reports/${r.id}/return`, { comment: '缺少会议记录，请补充。' });
    expect(returned.reports[0]).toMatchObject({ status: 'returned', comment: '缺少会议记录，请补充。', reviewedBy: 'orgOfficer' });
    expect(returned).toMatchObject({ progress: 0, status: 'not_started', pendingReports: 0 });
    const note = await ok<{ items: { kind: string; params: Record<string, string> }[] }>('discipline', 'GET', '/api/notifications');
    expect(note.items[0]).toMatchObject({ kind: 'duty_task.returned', params: { number: returned.number } });
    expect((await w.as('orgOfficer').post(`/api/duty-tasks/${taskId}/reports/${r.id}/accept`, {})).statusCode).toBe(409);

    const parent = await scratchTask(w, { org: 'bureau' });
    await ok('discipline', 'POST', `/api/duty-tasks/${parent.taskId}/decompose`, { children: [{ orgId: w.orgs.office, weight: 1 }] });
    expect((await w.as('discipline').post(`/api/duty-tasks/${parent.taskId}/reports`, { percent: 10, note: '父任务' })).json().error.params.state).toBe('has_children');
  });

  it('an owner reports with evidence that readers of the task can download and others cannot see', async () => {
    const { taskId } = await scratchTask(w, { org: 'branch1', owner: 'staff' });
    const attachmentId = await draftOf(w, 'staff');
    const t = await ok<DutyTask>('staff', 'POST', `/api/duty-tasks/${taskId}/reports`, { percent: 30, note: '召开支部委员会', attachmentIds: [attachmentId] });
    expect(t.reports[0]!.evidence).toEqual([expect.objectContaining({ attachmentId, name: '现场照片.png' })]);
    expect((await w.as('branchSecretary').get(`/api/attachments/${attachmentId}`)).statusCode).toBe(200);
    expect((await w.as('unitOfficer').get(`/api/attachments/${attachmentId}`)).statusCode).toBe(404);
    const someoneElses = await draftOf(w, 'branchSecretary');
    const stolen = await w.as('staff').post(`/api/duty-tasks/${taskId}/reports`, { percent: 40, note: '冒用附件', attachmentIds: [someoneElses] });
    expect(stolen.statusCode).toBe(409);
  });

  it('a person who neither owns the task nor reaches its org cannot report', async () => {
    const { taskId } = await scratchTask(w, { org: 'office' });
    expect((await w.as('staff').post(`/api/duty-tasks/${taskId}/reports`, { percent: 10, note: '越权' })).statusCode).toBe(404);
    const branchTask = await scratchTask(w, { org: 'branch2' });
    expect((await w.as('branchSecretary').post(`/api/duty-tasks/${branchTask.taskId}/reports`, { percent: 10, note: '越权' })).statusCode).toBe(404);
  });
});

describe('at the same time', () => {
  it('two reports sent at once: the second waits for the first and is refused; children added at once get their own numbers', async () => {
    const { taskId } = await scratchTask(w, { org: 'office', owner: 'orgOfficer' });
    const sent = await Promise.all([30, 40].map((percent) => w.as('orgOfficer').post(`/api/duty-tasks/${taskId}/reports`, { percent, note: '同时报送' })));
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await task(taskId)).reports).toHaveLength(1);
    const parent = await scratchTask(w, { org: 'bureau' });
    const added = await Promise.all([w.orgs.office, w.orgs.unitA].map((orgId) => w.as('discipline').post(`/api/duty-tasks/${parent.taskId}/decompose`, { children: [{ orgId, weight: 1 }] })));
    expect(added.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await task(parent.taskId)).children.map((c) => c.number).sort()).toEqual(['1.1', '1.2']);
  });
});

describe('recurring duties', () => {
  it('a twice-yearly 专题研究 has two occurrences, each reported and accepted on its own', async () => {
    const { taskId } = await scratchTask(w, { org: 'generalBranch', owner: 'secretary', recurrence: 'half_yearly' });
    const t = await task(taskId);
    expect(t.occurrences.map((o) => [o.period, o.dueDate])).toEqual([['2026-H1', '2026-06-30'], ['2026-H2', '2026-12-31']]);
    const bad = await w.as('secretary').post(`/api/duty-tasks/${taskId}/reports`, { percent: 100, note: '未指明期次' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'occurrenceId' } });
    const h1 = await accept('discipline', await report('secretary', taskId, 100, t.occurrences[0]!.id));
    expect(h1).toMatchObject({ progress: 50, deadline: '2026-12-31' });
    expect(h1.occurrences.map((o) => o.status)).toEqual(['completed', 'not_started']);
  });

  it('changing the recurrence rebuilds the occurrences while none has a report', async () => {
    const { taskId } = await scratchTask(w, { org: 'office', owner: 'orgOfficer', recurrence: 'quarterly' });
    const monthly = await ok<DutyTask>('discipline', 'PATCH', `/api/duty-tasks/${taskId}`, { recurrence: 'monthly', deadline: '2026-06-30' });
    expect(monthly.occurrences.map((o) => o.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    await report('orgOfficer', taskId, 100, monthly.occurrences[0]!.id);
    const refused = await w.as('discipline').patch(`/api/duty-tasks/${taskId}`, { recurrence: 'yearly' });
    expect(refused.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'has_reports' } });
  });
});

describe('overdue: list, daily watch, digest, assessment feed', () => {
  it('marks, escalates and reports overdue tasks once, and counts them for the assessment', async () => {
    const world = await createWorld({ clock: new FakeClock('2026-03-02T09:00:00+08:00') });
    try {
      const { taskId } = await scratchTask(world, { org: 'unitA', owner: 'unitOfficer', leader: 'secretary', deadline: '2026-03-10' });
      await scratchTask(world, { org: 'unitA', owner: 'unitOfficer', deadline: '2026-06-30' });
      const ctx = systemCtx(world.deps, world.tenantId);
      const overdueList = async () => (await world.as('discipline').get('/api/duty-tasks?overdue=true')).json() as DutyTaskPage;
      expect((await overdueList()).total).toBe(0);

      world.clock.set('2026-03-12T09:00:00+08:00');
      expect((await overdueList()).items.map((t) => [t.id, t.overdueSince])).toEqual([[taskId, '2026-03-11']]);
      expect(await watchOverdue(world.deps, world.tenantId)).toBe(1);
      expect(await watchOverdue(world.deps, world.tenantId)).toBe(0);
      let digest = await dutyTaskDigest(world.deps, world.tenantId);
      expect(digest.get(world.users.unitOfficer.id)).toEqual([{ kind: 'duty_task.overdue' }]);
      expect(digest.get(world.users.secretary.id)).toBeUndefined();

      world.clock.set('2026-03-20T09:00:00+08:00');
      expect(await watchOverdue(world.deps, world.tenantId)).toBe(1);
      expect((await world.as('discipline').get(`/api/duty-tasks/${taskId}`)).json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'overdue', 'escalated']);
      digest = await dutyTaskDigest(world.deps, world.tenantId);
      expect(digest.get(world.users.secretary.id)).toEqual([{ kind: 'duty_task.escalated' }]);
      expect(digest.get(world.users.discipline.id)).toEqual([{ kind: 'duty_task.escalated' }]);
      expect(digest.get(world.users.unitOfficer.id)).toEqual([{ kind: 'duty_task.overdue' }]);

      expect(assessmentFeed('duty_tasks.overdue')).toBe(overdueTasks);
      const unit = await overdueTasks(ctx, { subject: { kind: 'org', orgId: world.orgs.bureau }, year: 2026 });
      expect(unit).toEqual({ occurrences: 1, value: null, items: [{ id: taskId, label: '1 专题研究全面从严治党工作' }] });
      expect((await overdueTasks(ctx, { subject: { kind: 'org', orgId: world.orgs.office }, year: 2026 })).occurrences).toBe(0);
      expect((await overdueTasks(ctx, { subject: { kind: 'person', personId: world.users.secretary.personId! }, year: 2026 })).occurrences).toBe(1);

      // Finished late still counts for the year; a task finished on time (or not yet due) never does.
      const reported = (await world.as('unitOfficer').post(`/api/duty-tasks/${taskId}/reports`, { percent: 100, note: '已补办' })).json() as DutyTask;
      expect((await world.as('discipline').post(`/api/duty-tasks/${taskId}/reports/${reported.reports[0]!.id}/accept`, {})).statusCode).toBe(200);
      expect((await world.as('discipline').get(`/api/duty-tasks/${taskId}`)).json()).toMatchObject({ status: 'completed', overdue: false });
      expect((await overdueTasks(ctx, { subject: { kind: 'org', orgId: world.orgs.unitA }, year: 2026 })).items.map((i) => i.id)).toEqual([taskId]);
    } finally {
      await world.close();
    }
  });
});

describe('lists and plans', () => {
  it('scopes the list by org, filters, and finds the reports waiting for my review', async () => {
    const planId = await scratchPlan(w);
    const inBranch = await scratchTask(w, { planId, org: 'branch1', owner: 'staff' });
    const other = await scratchTask(w, { planId, org: 'branch2' });
    const seen = (await ok<DutyTaskPage>('branchSecretary', 'GET', `/api/duty-tasks?planId=${planId}`)).items.map((t) => t.id);
    expect(seen).toEqual([inBranch.taskId]);
    expect((await ok<DutyTaskPage>('discipline', 'GET', `/api/duty-tasks?planId=${planId}&orgId=${w.orgs.generalBranch}`)).total).toBe(2);
    expect((await ok<DutyTaskPage>('discipline', 'GET', `/api/duty-tasks?planId=${planId}&q=${encodeURIComponent('专题研究')}&pageSize=1`)).items).toHaveLength(1);
    await report('staff', inBranch.taskId, 20);
    const mine = await ok<DutyTaskPage>('discipline', 'GET', `/api/duty-tasks?planId=${planId}&awaitingMyReview=true`);
    expect(mine.items.map((t) => t.id)).toEqual([inBranch.taskId]);
    expect((await ok<DutyTaskPage>('staff', 'GET', `/api/duty-tasks?planId=${planId}&awaitingMyReview=true`)).total).toBe(0);
    const summary = await ok<{ items: { orgId: string; total: number }[] }>('discipline', 'GET', `/api/duty-plans/${planId}/summary`);
    expect(summary.items.map((i) => [i.orgId, i.total]).sort()).toEqual([[w.orgs.branch1, 1], [w.orgs.branch2, 1]].sort());
    expect(other.taskId).toBeTruthy();
  });

  it('refuses a deadline outside the plan year and an unknown evidence form, storing nothing', async () => {
    const planId = await scratchPlan(w);
    const base = { planId, title: '年度任务', orgId: w.orgs.office, evidenceForms: ['minutes'], weight: 1 };
    expect((await w.as('discipline').post('/api/duty-tasks', { ...base, deadline: '2027-01-31' })).json().error.params.field).toBe('deadline');
    expect((await w.as('discipline').post('/api/duty-tasks', { ...base, deadline: '2026-05-31', evidenceForms: ['video'] })).json().error.params.field).toBe('evidenceForms');
    expect((await ok<DutyTaskPage>('discipline', 'GET', `/api/duty-tasks?planId=${planId}`)).total).toBe(0);
  });

  it('deletes a leaf without reports, and its parent becomes a leaf again', async () => {
    const { taskId } = await scratchTask(w, { org: 'bureau', recurrence: 'quarterly' });
    const parent = await ok<DutyTask>('discipline', 'POST', `/api/duty-tasks/${taskId}/decompose`, { children: [{ orgId: w.orgs.office, weight: 1 }] });
    expect((await task(taskId)).occurrences).toEqual([]);
    expect((await w.as('discipline').delete(`/api/duty-tasks/${taskId}`)).json().error.params.state).toBe('has_children');
    await ok('discipline', 'DELETE', `/api/duty-tasks/${parent.children[0]!.id}`);
    expect(await task(taskId)).toMatchObject({ childCount: 0, progress: 0 });
    expect((await task(taskId)).occurrences).toHaveLength(4);
  });
});
