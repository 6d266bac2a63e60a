import type { Clue } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { userId } from '../../../platform/context.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import { updateClue } from '../clues.repo.js';
import { digestText } from '../steps/steps.append.js';
import * as repo from './disposal.repo.js';
import { sealRow } from './disposal.seal.js';
import { requireApprovedMethod } from './disposal.talk.js';
import { RUNNERS, disposalStep, requireStatus } from './disposal.step.js';

/** 暂存待查: kept with a reason until its review date, when the daily job brings it back to the owner. */
export function shelveClue(ctx: Ctx, id: string, input: { reason: string; reviewOn: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.shelve', roles: RUNNERS }, async (s) => {
    requireApprovedMethod(s, 'shelve');
    if (input.reviewOn <= today(ctx.deps.clock)) throw new AppError('VALIDATION_FAILED', { field: 'reviewOn' });
    const sid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertShelve(s.tx, {
      tenant_id: ctx.tenantId, id: sid, clue_id: id, reason_enc: sealRow(ctx, 'clue_shelve', 'reason', sid, input.reason)!, review_on: input.reviewOn, shelved_at: at,
      review_note_enc: null, reviewed_on: null, reviewed_at: null,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'shelved', method: 'shelve', updated_at: at });
    return { kind: 'shelved', facts: { shelveId: sid, reviewOn: input.reviewOn, reason: digestText(ctx, input.reason) } };
  });
}

/** The review of a shelved clue returns it to accepted, for a new proposal; it may come before the date. */
export function reviewShelved(ctx: Ctx, id: string, input: { note: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.review', roles: RUNNERS }, async (s) => {
    requireStatus(s.clue, 'shelved');
    const shelf = repo.latest(s.rows.shelves);
    if (!shelf || shelf.reviewed_at) throw invalidState(s.clue.row.status);
    const at = nowIso(ctx.deps.clock);
    const day = today(ctx.deps.clock);
    await repo.updateShelve(s.tx, ctx.tenantId, shelf.id, { review_note_enc: sealRow(ctx, 'clue_shelve', 'review_note', shelf.id, input.note), reviewed_on: day, reviewed_at: at });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'accepted', method: null, updated_at: at });
    return { kind: 'reviewed', facts: { shelveId: shelf.id, reviewOn: shelf.review_on, reviewedOn: day, note: digestText(ctx, input.note) } };
  });
}

/** 予以了结 (失实 / 无法核查 / other): the disposal ends without further handling. */
export function closeNoAction(ctx: Ctx, id: string, input: { reason: 'false' | 'unverifiable' | 'other'; note: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.close_no_action', roles: RUNNERS }, async (s) => {
    requireApprovedMethod(s, 'close');
    const eid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertEnding(s.tx, {
      tenant_id: ctx.tenantId, id: eid, clue_id: id, kind: 'close_no_action', reason: input.reason, recipient: null,
      note_enc: sealRow(ctx, 'clue_ending', 'note', eid, input.note), by_id: userId(ctx), at,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'concluded', method: 'close', updated_at: at });
    return { kind: 'closed_no_action', facts: { endingId: eid, reason: input.reason, note: digestText(ctx, input.note) } };
  });
}

/**
 * Transfer to 审查调查 (the competent body) with a forwarding record: as the approved method, or when a
 * disposal under way shows the matter needs it.
 */
export function transferClue(ctx: Ctx, id: string, input: { recipient: string; note: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.transfer', roles: RUNNERS }, async (s) => {
    if (s.clue.row.status === 'approved') requireApprovedMethod(s, 'transfer');
    else requireStatus(s.clue, 'in_disposal', 'concluded');
    const eid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertEnding(s.tx, {
      tenant_id: ctx.tenantId, id: eid, clue_id: id, kind: 'transfer', reason: null, recipient: input.recipient,
      note_enc: sealRow(ctx, 'clue_ending', 'note', eid, input.note), by_id: userId(ctx), at,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'transferred', method: s.clue.row.method ?? 'transfer', updated_at: at });
    return { kind: 'transferred', facts: { endingId: eid, recipient: input.recipient, from: s.clue.row.status, note: input.note ? digestText(ctx, input.note) : null } };
  });
}

