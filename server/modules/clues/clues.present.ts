import type { ClueAccessRole, ClueClock, ClueSummary } from '../../../contracts/clues.js';
import type { Settings } from '../../../contracts/settings.js';
import type { WorkCalendar } from '../../platform/clock/calendar.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { clockColour, clueClocks, nextClock } from './disposal/disposal.clocks.js';
import type { ClueRow } from './clues.load.js';
import { unsealClue } from './clues.seal.js';

export interface ClockContext {
  cal: WorkCalendar;
  settings: Settings;
  today: string;
}

export async function clockContext(db: Db | Tx, ctx: Ctx): Promise<ClockContext> {
  const [cal, settings] = await Promise.all([loadCalendar(db, ctx.tenantId), loadSettings(db, ctx.tenantId)]);
  return { cal, settings, today: today(ctx.deps.clock) };
}

/**
 * The clocks the clue row alone can tell (forward, acknowledgement, the two notices) plus the open disposal
 * clock the disposal services keep on the row; the detail view gets every clock from the disposal part.
 */
export function rowClocks(cc: ClockContext, row: ClueRow): ClueClock[] {
  const decided = (d: string) => (row.scope_decision === d ? row.scope_decided_on : null);
  const clocks = clueClocks(cc.cal, cc.settings, {
    status: row.status,
    named: row.named === 1,
    receivedOn: row.received_on,
    forwardedUpOn: decided('forward_up'),
    forwardedDownOn: decided('forward_down'),
    acknowledgedOn: row.forward_ack_on,
    acceptanceNoticeOn: row.acceptance_notice_on,
    replyFrom: null,
    replyEndorsedOn: null,
    checkDeadline: null,
    checkReportedOn: null,
    shelveReviewOn: null,
    shelveReviewedOn: null,
    closedOn: row.closed_on,
    resultNoticeOn: row.result_notice_on,
    checkinOptIn: false,
    checkinDoneOn: null,
  }, cc.today);
  const kind = row.disposal_due_kind as ClueClock['kind'] | null;
  if (row.disposal_due && kind) {
    clocks.push({ kind, due: row.disposal_due, doneOn: null, colour: clockColour(cc.cal, cc.settings['system.sla.warnWorkingDays'], row.disposal_due, null, cc.today) });
  }
  return clocks;
}

export interface SummaryExtras {
  role: ClueAccessRole;
  restricted: boolean;
  owner: { id: string; name: string } | null;
  personName: string | null;
  orgName: string;
  repeatOfCode: string | null;
}

/** One register row. The reporter shows only as 实名/匿名; a restricted registrar sees no content fields. */
export function presentSummary(ctx: Ctx, cc: ClockContext, row: ClueRow, x: SummaryExtras, clocks = rowClocks(cc, row)): ClueSummary {
  const hidden = x.restricted || !!row.erased_at;
  const reportedName = hidden ? null : (x.personName ?? unsealClue(ctx, 'reported_name', row.id, row.reported_name_enc));
  return {
    id: row.id,
    code: row.code,
    source: row.source,
    named: row.named === 1,
    category: row.category,
    status: row.status,
    receivedOn: row.received_on,
    registeredAt: row.registered_at,
    reportedName,
    reportedOrg: x.restricted ? null : { id: row.reported_org_id, name: x.orgName },
    reportedLevel: row.reported_level,
    summary: hidden ? null : unsealClue(ctx, 'summary', row.id, row.summary_enc),
    owner: x.owner,
    myRole: x.role,
    scopeDecidedOn: row.scope_decided_on,
    method: row.method,
    form: row.outcome_form,
    measure: row.outcome_measure,
    closedOn: row.closed_on,
    acceptanceNoticeOn: row.acceptance_notice_on,
    resultNoticeOn: row.result_notice_on,
    nextClock: nextClock(clocks),
    repeatOf: row.repeat_of && x.repeatOfCode ? { id: row.repeat_of, code: x.repeatOfCode } : null,
  };
}
