import ExcelJS from 'exceljs';
import type { DutyRecurrence } from '../../../contracts/duty-tasks.js';
import { multipart } from '../../platform/storage/test-files.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';
import { breakdownTemplate } from './duty-tasks.sheet.js';

export const dutyReaders = ['secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary', 'staff'] as const;
export const dutyManagers = ['discipline', 'orgOfficer', 'unitOfficer'] as const;

/** Where a fixture user works from: the unit officer's unit, the branch people's branch, else the bureau. */
export function homeOrg(as: FixtureUser | null): FixtureOrg {
  if (as === 'unitOfficer') return 'unitA';
  if (as === 'branchSecretary' || as === 'staff') return 'branch1';
  return 'bureau';
}

async function call<T>(w: World, as: FixtureUser, method: 'POST' | 'GET', url: string, body?: unknown): Promise<T> {
  const res = method === 'POST' ? await w.as(as).post(url, body) : await w.as(as).get(url);
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function scratchPlan(w: World, org: FixtureOrg = 'bureau', year = 2026): Promise<string> {
  return (await call<{ id: string }>(w, 'discipline', 'POST', '/api/duty-plans', { year, title: `${year}年重点任务`, orgId: w.orgs[org] })).id;
}

export interface ScratchTask {
  planOrg?: FixtureOrg;
  org?: FixtureOrg;
  owner?: FixtureUser | null;
  leader?: FixtureUser | null;
  recurrence?: DutyRecurrence;
  deadline?: string;
  weight?: number;
  planId?: string;
  parentId?: string | null;
}

/** A task made by 纪检 (tenant-wide duty:manage): a top-level task of a fresh plan unless told otherwise. */
export async function scratchTask(w: World, o: ScratchTask = {}): Promise<{ planId: string; taskId: string }> {
  const planId = o.planId ?? (await scratchPlan(w, o.planOrg ?? 'bureau'));
  const task = await call<{ id: string }>(w, 'discipline', 'POST', '/api/duty-tasks', {
    planId,
    parentId: o.parentId ?? null,
    title: '专题研究全面从严治党工作',
    description: '党总支每年至少两次专题研究党风廉政建设和反腐败工作。',
    leaderId: o.leader ? w.users[o.leader].personId : null,
    orgId: w.orgs[o.org ?? o.planOrg ?? 'bureau'],
    ownerId: o.owner ? w.users[o.owner].personId : null,
    deadline: o.deadline ?? '2026-12-31',
    evidenceForms: ['minutes'],
    weight: o.weight ?? 10,
    recurrence: o.recurrence ?? 'none',
  });
  return { planId, taskId: task.id };
}

/** A task whose owner (staff) has a report waiting for the assigning org's managers. */
export async function pendingReport(w: World, assignerOrg: FixtureOrg, taskOrg: FixtureOrg): Promise<{ taskId: string; reportId: string }> {
  const { taskId } = await scratchTask(w, { planOrg: assignerOrg, org: taskOrg, owner: 'staff' });
  const task = await call<{ reports: { id: string }[] }>(w, 'staff', 'POST', `/api/duty-tasks/${taskId}/reports`, { percent: 60, note: '已召开专题会议一次。' });
  return { taskId, reportId: task.reports[0]!.id };
}

/** Rows under the breakdown's own header (a fresh template), as a multipart upload of field `file`. */
export async function breakdownUpload(rows: (string | number | null)[][], name = '重点任务分解表.xlsx'): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await breakdownTemplate('zh-CN')) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      ws.getCell(4 + i, j + 1).value = v;
    });
  });
  const { payload, headers } = multipart([{ field: 'file', filename: name, data: Buffer.from(await wb.xlsx.writeBuffer()) }]);
  return { body: payload, headers };
}
