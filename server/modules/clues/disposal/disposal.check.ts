import type { Clue } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { loadCalendar } from '../../../platform/clock/load-calendar.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { updateClue } from '../clues.repo.js';
import { digestText } from '../steps/steps.append.js';
import { defaultCheckDeadline } from './disposal.clocks.js';
import * as repo from './disposal.repo.js';
import { openRow, sealRow } from './disposal.seal.js';
import { requireApprovedMethod } from './disposal.talk.js';
import { RUNNERS, disposalStep, requireStatus, type StepContext } from './disposal.step.js';

const T = 'clue_check';

/** One extension as kept in clue_check.extensions; the reason is sealed to the check row and the extension. */
export interface StoredExtension {
  id: string;
  newDeadline: string;
  reasonEnc: string;
  at: string;
}

export const extensionsOf = (row: { extensions: string }) => JSON.parse(row.extensions) as StoredExtension[];
export const extensionReason = (ctx: Ctx, checkId: string, e: StoredExtension) => openRow(ctx, T, `extension_reason:${e.id}`, checkId, e.reasonEnc);

function openCheck(s: StepContext) {
  requireStatus(s.clue, 'in_disposal');
  const check = s.clue.row.method === 'preliminary_check' ? repo.latest(s.rows.checks) : undefined;
  if (!check || check.reported_at) throw invalidState(s.clue.row.status);
  return check;
}

/** 初步核实 plan; without a deadline it is due `system.clue.preliminaryCheckWorkingDays` working days from today. */
export function planCheck(ctx: Ctx, id: string, input: { deadline?: string; plan: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.check_plan', roles: RUNNERS }, async (s) => {
    requireApprovedMethod(s, 'preliminary_check');
    const day = today(ctx.deps.clock);
    if (input.deadline && input.deadline < day) throw new AppError('VALIDATION_FAILED', { field: 'deadline' });
    const [cal, settings] = await Promise.all([loadCalendar(s.tx, ctx.tenantId), loadSettings(s.tx, ctx.tenantId)]);
    const deadline = input.deadline ?? defaultCheckDeadline(cal, day, settings['system.clue.preliminaryCheckWorkingDays']);
    const cid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertCheck(s.tx, {
      tenant_id: ctx.tenantId, id: cid, clue_id: id, plan_enc: sealRow(ctx, T, 'plan', cid, input.plan)!, planned_on: day, deadline, extensions: '[]',
      findings_enc: null, report_enc: null, reported_on: null, reported_at: null, created_at: at,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'in_disposal', method: 'preliminary_check', updated_at: at });
    return { kind: 'check_planned', facts: { checkId: cid, plannedOn: day, deadline, defaulted: !input.deadline, plan: digestText(ctx, input.plan) } };
  });
}

/** An extension moves the deadline later, with its reason; the earlier deadlines stay on record. */
export function extendCheck(ctx: Ctx, id: string, input: { newDeadline: string; reason: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.check_extend', roles: RUNNERS }, async (s) => {
    const check = openCheck(s);
    if (input.newDeadline <= check.deadline) throw new AppError('VALIDATION_FAILED', { field: 'newDeadline' });
    const eid = newId();
    const ext: StoredExtension = { id: eid, newDeadline: input.newDeadline, reasonEnc: sealRow(ctx, T, `extension_reason:${eid}`, check.id, input.reason)!, at: nowIso(ctx.deps.clock) };
    await repo.updateCheck(s.tx, ctx.tenantId, check.id, { deadline: input.newDeadline, extensions: JSON.stringify([...extensionsOf(check), ext]) });
    return { kind: 'check_extended', facts: { checkId: check.id, from: check.deadline, to: input.newDeadline, reason: digestText(ctx, input.reason) } };
  });
}

export function recordFindings(ctx: Ctx, id: string, input: { findings: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.check_findings', roles: RUNNERS }, async (s) => {
    const check = openCheck(s);
    await repo.updateCheck(s.tx, ctx.tenantId, check.id, { findings_enc: sealRow(ctx, T, 'findings', check.id, input.findings) });
    return { kind: 'check_findings', facts: { checkId: check.id, findings: digestText(ctx, input.findings) } };
  });
}

/** The report stops the clock and concludes the 初步核实; it needs findings first. */
export function reportCheck(ctx: Ctx, id: string, input: { report: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.check_report', roles: RUNNERS }, async (s) => {
    const check = openCheck(s);
    if (!check.findings_enc) throw invalidState('no_findings');
    const at = nowIso(ctx.deps.clock);
    const day = today(ctx.deps.clock);
    await repo.updateCheck(s.tx, ctx.tenantId, check.id, { report_enc: sealRow(ctx, T, 'report', check.id, input.report), reported_on: day, reported_at: at });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'concluded', updated_at: at });
    return { kind: 'check_reported', facts: { checkId: check.id, reportedOn: day, deadline: check.deadline, late: day > check.deadline, report: digestText(ctx, input.report) } };
  });
}
