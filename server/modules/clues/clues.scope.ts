import type { Clue, ClueScopeDecision, ClueStatus } from '../../../contracts/clues.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { AppError, invalidState } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { deleteAttachmentsOf, removeAttachmentBytes } from '../../platform/storage/attachments.service.js';
import { appendClueStep, digestText } from './steps/steps.append.js';
import { requireClue, type LoadedClue } from './clues.load.js';
import { updateClue } from './clues.repo.js';
import { clueStep } from './clues.step.js';
import { sealClue } from './clues.seal.js';

const STATUS_OF: Record<ClueScopeDecision['decision'], ClueStatus> = {
  accept: 'accepted',
  not_accept: 'not_accepted',
  forward_up: 'forwarded_up',
  forward_down: 'forwarded_down',
  repeat: 'repeat',
};

/**
 * A forward up keeps only the forwarding record (date, recipient body, handler): content, summary, the
 * reporter's identity, the free-text reported name and the files are erased here, not copied (规则 第15条).
 */
async function eraseForForwardUp(tx: Tx, ctx: Ctx, c: LoadedClue): Promise<string[]> {
  const keys = await deleteAttachmentsOf(tx, ctx, 'clue', c.row.id);
  await tx.updateTable('clue_identity_request').set({ status: 'refused', decided_at: nowIso(ctx.deps.clock) }).where('tenant_id', '=', ctx.tenantId).where('clue_id', '=', c.row.id).where('status', '=', 'pending').execute();
  return keys;
}

/** 受理 / 不予受理 / 属上级 / 属下级 / 重复: only the owner, once, from registered. */
export async function decideScope(ctx: Ctx, id: string, input: ClueScopeDecision): Promise<Clue> {
  const d = input.decision;
  if (d === 'not_accept' && !input.reason) throw new AppError('VALIDATION_FAILED', { field: 'reason' });
  if ((d === 'forward_up' || d === 'forward_down') && !input.recipient) throw new AppError('VALIDATION_FAILED', { field: 'recipient' });
  let erasedKeys: string[] = [];
  const clue = await clueStep(ctx, id, 'clue.scope', ['owner'], async (tx, c) => {
    if (c.row.status !== 'registered') throw invalidState(c.row.status);
    const originalId = d === 'repeat' ? (input.originalId ?? c.row.repeat_of) : null;
    if (d === 'repeat') {
      if (!originalId || originalId === id) throw new AppError('VALIDATION_FAILED', { field: 'originalId' });
      await requireClue(tx, ctx, originalId);
    }
    const on = today(ctx.deps.clock);
    const at = nowIso(ctx.deps.clock);
    let ackDue: string | null = null;
    if (d === 'forward_down') {
      const [cal, settings] = await Promise.all([loadCalendar(tx, ctx.tenantId), loadSettings(tx, ctx.tenantId)]);
      ackDue = cal.addWorkingDays(on, settings['system.clue.forwardWorkingDays']);
    }
    const forward = d === 'forward_up' || d === 'forward_down';
    const erase = d === 'forward_up';
    if (erase) erasedKeys = await eraseForForwardUp(tx, ctx, c);
    await updateClue(tx, ctx.tenantId, id, {
      status: STATUS_OF[d], scope_decision: d, scope_decided_on: on, scope_decided_by: userId(ctx), repeat_of: d === 'repeat' ? originalId : c.row.repeat_of,
      scope_reason_enc: erase ? null : sealClue(ctx, 'scope_reason', id, input.reason), forward_recipient: forward ? input.recipient! : null, forward_ack_due: ackDue,
      updated_at: at,
      ...(erase ? {
        erased_at: at, summary_enc: null, content_enc: null, reporter_name_enc: null, reporter_mobile_enc: null, reporter_unit_enc: null,
        reported_name_enc: null, reported_person_id: null,
      } : {}),
    });
    await appendClueStep(tx, ctx, id, 'scope_decided', {
      decision: d, decidedOn: on, recipient: forward ? input.recipient! : null, originalId, ackDue, erased: erase,
      reasonSm3: input.reason ? digestText(ctx, input.reason) : null,
    });
  });
  await removeAttachmentBytes(ctx, erasedKeys);
  return clue;
}

/** The lower level's acknowledgement of a clue forwarded down (it has 5 working days to register it). */
export async function acknowledgeForward(ctx: Ctx, id: string, input: { acknowledgedOn: string; note?: string }): Promise<Clue> {
  if (input.acknowledgedOn > today(ctx.deps.clock)) throw new AppError('VALIDATION_FAILED', { field: 'acknowledgedOn' });
  return clueStep(ctx, id, 'clue.forward_ack', ['owner', 'handler'], async (tx, c) => {
    if (c.row.status !== 'forwarded_down' || c.row.forward_ack_on) throw invalidState(c.row.status);
    if (c.row.scope_decided_on && input.acknowledgedOn < c.row.scope_decided_on) throw new AppError('VALIDATION_FAILED', { field: 'acknowledgedOn' });
    await updateClue(tx, ctx.tenantId, id, { forward_ack_on: input.acknowledgedOn, forward_ack_note_enc: sealClue(ctx, 'forward_ack_note', id, input.note), updated_at: nowIso(ctx.deps.clock) });
    await appendClueStep(tx, ctx, id, 'forward_acknowledged', { acknowledgedOn: input.acknowledgedOn, noteSm3: input.note ? digestText(ctx, input.note) : null });
  });
}
