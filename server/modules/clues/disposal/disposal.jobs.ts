import type { Deps } from '../../../platform/context.js';
import { systemCtx } from '../../../platform/context.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { loadCalendar } from '../../../platform/clock/load-calendar.js';
import { newId } from '../../../platform/db/ids.js';
import type { JobDef } from '../../../platform/jobs/job-def.js';
import { notify } from '../../../platform/notify/notify.service.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { accountRecused } from '../clues.recusal.js';
import { allClocks } from './disposal.facts.js';
import * as repo from './disposal.repo.js';

/**
 * Tells each clue's owner when one of its clocks comes within the warning working days (黄) and again when it
 * is past (红): forward up, lower-level acknowledgement, the acceptance and result notices, the reply, the
 * 初步核实 deadline, the 暂存待查 review (the shelved clue comes back as a task) and the retaliation check-in.
 * The notification carries the clue number, the clock and its date — no names, no content. Each clock, due
 * date and colour is told once (a new deadline tells again); nobody is told on a non-working day, and an
 * owner who has become recused is not told. Returns how many notifications went out.
 */
export async function remindClueClocks(deps: Deps, tenantId: string): Promise<number> {
  const db = deps.db;
  const [cal, settings] = await Promise.all([loadCalendar(db, tenantId), loadSettings(db, tenantId)]);
  const day = today(deps.clock);
  if (!cal.isWorkingDay(day)) return 0;
  const clues = await db.selectFrom('clue').selectAll().where('tenant_id', '=', tenantId).where('erased_at', 'is', null).execute();
  const rows = await repo.disposalRows(db, tenantId, clues.map((c) => c.id));
  const ctx = systemCtx(deps, tenantId);
  let sent = 0;
  for (const clue of clues) {
    const due = allClocks(cal, settings, clue, repo.rowsOf(rows, clue.id), day).filter((c) => !c.doneOn && c.colour);
    if (!due.length) continue;
    const owners: string[] = [];
    for (const o of await db.selectFrom('clue_access').select('account_id').where('tenant_id', '=', tenantId).where('clue_id', '=', clue.id).where('role', '=', 'owner').where('removed_at', 'is', null).execute()) {
      if (!(await accountRecused(db, tenantId, o.account_id, clue))) owners.push(o.account_id);
    }
    if (!owners.length) continue;
    for (const c of due) {
      sent += await db.transaction().execute(async (tx) => {
        const first = await tx
          .insertInto('clue_clock_reminder')
          .values({ tenant_id: tenantId, id: newId(), clue_id: clue.id, clock: c.kind, due: c.due, colour: c.colour!, sent_at: nowIso(deps.clock) })
          .onConflict((oc) => oc.columns(['tenant_id', 'clue_id', 'clock', 'due', 'colour']).doNothing())
          .executeTakeFirst();
        if (Number(first.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
        return notify(tx, ctx, { userIds: owners, kind: `clue.${c.colour === 'red' ? 'overdue' : 'due'}.${c.kind}`, params: { code: clue.code, due: c.due }, link: `/clues/${clue.id}` });
      });
    }
  }
  return sent;
}

/** Daily at 08:20 local time, once per tenant across processes. */
export const clueDisposalJobs: JobDef[] = [
  {
    kind: 'clues.clock_reminders',
    cron: '20 8 * * *',
    perTenant: true,
    async run(deps, job) {
      if (job.tenantId) await remindClueClocks(deps, job.tenantId);
    },
  },
];
