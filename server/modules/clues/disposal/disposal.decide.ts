import type { Clue, ClueMethod } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { userId } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import { updateClue } from '../clues.repo.js';
import { digestText } from '../steps/steps.append.js';
import * as repo from './disposal.repo.js';
import { sealRow } from './disposal.seal.js';
import { RUNNERS, disposalStep, requireStatus } from './disposal.step.js';

/** 拟处置意见: the owner or a handler proposes one of the methods for an accepted clue. */
export function proposeDisposal(ctx: Ctx, id: string, input: { method: ClueMethod; reason: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.propose', roles: RUNNERS }, async ({ tx, clue }) => {
    requireStatus(clue, 'accepted');
    const pid = newId();
    await repo.insertProposal(tx, {
      tenant_id: ctx.tenantId, id: pid, clue_id: id, method: input.method, reason_enc: sealRow(ctx, 'clue_proposal', 'reason', pid, input.reason)!,
      proposed_by: userId(ctx), proposed_at: nowIso(ctx.deps.clock), meeting_on: null, attendees: null, opinions_enc: null, conclusion_enc: null,
      studied_by: null, studied_at: null,
    });
    await updateClue(tx, ctx.tenantId, id, { status: 'proposed', updated_at: nowIso(ctx.deps.clock) });
    return { kind: 'proposed', facts: { proposalId: pid, method: input.method, reason: digestText(ctx, input.reason) } };
  });
}

export interface StudyInput {
  meetingOn: string;
  attendees: string[];
  opinions: { accountId: string; opinion: string }[];
  conclusion: string;
}

/**
 * 集体研究: who attended (accounts on the clue's list, since they learn of it), each one's opinion and the
 * conclusion. An opinion can only come from someone who attended, once.
 */
export function studyDisposal(ctx: Ctx, id: string, input: StudyInput): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.study', roles: RUNNERS }, async ({ tx, clue, rows }) => {
    requireStatus(clue, 'proposed');
    const proposal = repo.latest(rows.proposals);
    if (!proposal) throw invalidState(clue.row.status);
    const listed = await repo.listedAmong(tx, ctx.tenantId, id, input.attendees, ['owner', 'handler', 'approver']);
    if (input.attendees.some((a) => !listed.has(a))) throw new AppError('VALIDATION_FAILED', { field: 'attendees' });
    const speakers = input.opinions.map((o) => o.accountId);
    if (speakers.some((s) => !input.attendees.includes(s)) || new Set(speakers).size !== speakers.length) throw new AppError('VALIDATION_FAILED', { field: 'opinions' });
    const at = nowIso(ctx.deps.clock);
    await repo.updateProposal(tx, ctx.tenantId, proposal.id, {
      meeting_on: input.meetingOn, attendees: JSON.stringify(input.attendees),
      opinions_enc: sealRow(ctx, 'clue_proposal', 'opinions', proposal.id, JSON.stringify(input.opinions)),
      conclusion_enc: sealRow(ctx, 'clue_proposal', 'conclusion', proposal.id, input.conclusion), studied_by: userId(ctx), studied_at: at,
    });
    await updateClue(tx, ctx.tenantId, id, { status: 'studied', updated_at: at });
    return {
      kind: 'studied',
      facts: {
        proposalId: proposal.id, meetingOn: input.meetingOn, attendees: input.attendees, opinions: input.opinions.map((o) => `${o.accountId}:${digestText(ctx, o.opinion)}`),
        conclusion: digestText(ctx, input.conclusion),
      },
    };
  });
}

/**
 * Approval by an approver on the list holding clue:approve (the 主要负责人), optionally with the higher
 * body's approval where the rules require it. Approved, the proposed method may start; refused, the clue
 * returns to accepted for a new proposal.
 */
export function approveDisposal(ctx: Ctx, id: string, input: { approve: boolean; note: string; higherBody?: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.approve', roles: ['approver'], permission: 'clue:approve' }, async ({ tx, clue, rows }) => {
    requireStatus(clue, 'studied');
    const proposal = repo.latest(rows.proposals)!;
    const aid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertApproval(tx, {
      tenant_id: ctx.tenantId, id: aid, clue_id: id, proposal_id: proposal.id, approve: input.approve ? 1 : 0,
      note_enc: sealRow(ctx, 'clue_approval', 'note', aid, input.note), higher_body: input.higherBody ?? null, approved_by: userId(ctx), at,
    });
    await updateClue(tx, ctx.tenantId, id, { status: input.approve ? 'approved' : 'accepted', updated_at: at });
    return {
      kind: input.approve ? 'approved' : 'refused',
      facts: { proposalId: proposal.id, method: proposal.method, note: input.note ? digestText(ctx, input.note) : null, higherBody: input.higherBody ?? null },
    };
  });
}
