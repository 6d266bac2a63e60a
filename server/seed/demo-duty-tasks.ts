import { today } from '../platform/clock/clock.js';
import type { Ctx, Deps } from '../platform/context.js';
import { createPlan, planTasks } from '../modules/duty-tasks/duty-plans.service.js';
import { recordReport, recordReview } from '../modules/duty-tasks/duty-tasks.progress.js';
import { occurrencesOf, reportsOf } from '../modules/duty-tasks/duty-tasks.repo.js';
import { importBreakdown } from '../modules/duty-tasks/duty-tasks.sheet.js';
import { makeBreakdown } from '../modules/duty-tasks/fixtures/make-breakdown.js';
import * as find from './demo-lookup.js';

/**
 * This year's 重点任务分解表 for the key-task pages: jijian imports the sample breakdown into a plan of the
 * bureau; 班子成员 report on their duties — deputy1's quarterly hearings and the 党总支 专题研究 accepted,
 * the second 专题研究 waiting for review, deputy1's 采购台账 returned with a comment — and the rest is left as
 * it is, so tasks past their deadline show as overdue. Skipped once the tenant has any plan.
 */
export async function ensureDemoDutyTasks(deps: Deps, tenantId: string, bureauId: string): Promise<number> {
  if (await deps.db.selectFrom('duty_plan').select('id').where('tenant_id', '=', tenantId).executeTakeFirst()) return 0;
  const year = Number(today(deps.clock).slice(0, 4));
  const [jijian, zuzhi, secretary, leader1] = await Promise.all(['jijian', 'zuzhi', 'secretary', 'leader1'].map((u) => find.actAs(deps, tenantId, u)));
  const plan = await createPlan(jijian!, { year, title: `${year}年度全面从严治党重点任务分解表`, orgId: bureauId });
  const report = await importBreakdown(jijian!, plan.id, await makeBreakdown(year));
  if (!report.ok) throw new Error(`demo breakdown refused: ${JSON.stringify(report.errors)}`);
  const byNumber = new Map((await planTasks(jijian!, plan.id)).items.map((t) => [t.number, t.id]));
  const occurrences = (n: string) => occurrencesOf(deps.db, tenantId, byNumber.get(n)!);
  const pendingOf = async (n: string) => (await reportsOf(deps.db, tenantId, byNumber.get(n)!)).find((r) => r.status === 'pending')!.id;
  const accept = async (ctx: Ctx, n: string, comment: string) => recordReview(ctx, byNumber.get(n)!, await pendingOf(n), true, comment);

  for (const o of (await occurrences('2.3')).slice(0, 3)) {
    await recordReport(leader1!, byNumber.get('2.3')!, { occurrenceId: o.id, percent: 100, note: `${o.period} 听取闸站管理所、财务股党风廉政建设情况汇报，形成会议记录。` });
    await accept(jijian!, '2.3', '会议记录齐全');
  }
  const [h1, h2] = await occurrences('2.1');
  await recordReport(secretary!, byNumber.get('2.1')!, { occurrenceId: h1!.id, percent: 100, note: '党总支委员会专题研究全面从严治党工作，部署年度重点任务。' });
  await accept(zuzhi!, '2.1', '');
  await recordReport(secretary!, byNumber.get('2.1')!, { occurrenceId: h2!.id, percent: 100, note: '党总支委员会第二次专题研究，听取各支部落实情况汇报。' });
  await recordReport(secretary!, byNumber.get('2.2')!, { percent: 100, note: '已与局属各单位、机关各股室签订党风廉政建设责任书。' });
  await accept(jijian!, '2.2', '签订率100%');
  await recordReport(leader1!, byNumber.get('4.3.1')!, { percent: 60, note: '设备维护股已建立采购台账，登记上半年采购12笔。' });
  await recordReview(zuzhi!, byNumber.get('4.3.1')!, await pendingOf('4.3.1'), false, '请补充验收记录后再报。');
  return report.created;
}
