import type { Deps } from '../../platform/context.js';
import { systemCtx } from '../../platform/context.js';
import type { JobDef } from '../../platform/jobs/job-def.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { loadSettings } from '../../platform/settings/settings.js';
import * as repo from './duty-tasks.repo.js';

/**
 * Once a day: each task past its open due date is marked missed (the assessment counts it even if it is
 * finished later) and gets an `overdue` entry on its timeline, and past system.dutyTask.escalateWorkingDays
 * an `escalated` one — each once per due date, however often the job runs. Returns the tasks changed.
 */
export async function watchOverdue(deps: Deps, tenantId: string): Promise<number> {
  const [cal, settings] = await Promise.all([loadCalendar(deps.db, tenantId), loadSettings(deps.db, tenantId)]);
  const escalate = settings['system.dutyTask.escalateWorkingDays'];
  const day = today(deps.clock);
  const late = await deps.db.selectFrom('duty_task').select(['id', 'due_date', 'missed']).where('tenant_id', '=', tenantId).where('due_date', '<', day).execute();
  const ctx = systemCtx(deps, tenantId);
  let changed = 0;
  for (const t of late) {
    const due = t.due_date!;
    const wrote = await transact(ctx, async (tx) => {
      const event = (kind: string) => ({ tenant_id: tenantId, id: newId(), task_id: t.id, at: nowIso(deps.clock), actor_id: null, kind, note: due, dedupe: due });
      const overdue = await repo.insertEventOnce(tx, event('overdue'));
      const escalated = cal.workingDaysBetween(due, day) > escalate && (await repo.insertEventOnce(tx, event('escalated')));
      if (Number(t.missed) === 0) await repo.updateTask(tx, tenantId, t.id, { missed: 1 });
      if (!overdue && !escalated) return false;
      await writeAudit(tx, ctx, { action: 'duty_task.overdue', objectType: 'duty_task', objectId: t.id, details: { dueDate: due, escalated } });
      return true;
    });
    if (wrote) changed += 1;
  }
  return changed;
}

export const dutyTaskJobs: JobDef[] = [
  {
    kind: 'duty_tasks.overdue',
    cron: '17 0 * * *',
    perTenant: true,
    async run(deps, job) {
      if (job.tenantId) await watchOverdue(deps, job.tenantId);
    },
  },
];
