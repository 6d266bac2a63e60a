import type { Clue } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { loadCalendar } from '../../../platform/clock/load-calendar.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import type { Tx } from '../../../platform/context.js';
import { updateClue } from '../clues.repo.js';
import { digestText } from '../steps/steps.append.js';
import * as repo from './disposal.repo.js';
import { sealRow } from './disposal.seal.js';
import { RUNNERS, disposalStep, requireStatus, type StepContext } from './disposal.step.js';

const T = 'clue_talk_inquiry';

/** The approved proposal's method must be the one being started. */
export function requireApprovedMethod(s: StepContext, method: string): void {
  requireStatus(s.clue, 'approved');
  if (repo.latest(s.rows.proposals)?.method !== method) throw invalidState(`proposal_${repo.latest(s.rows.proposals)?.method ?? 'none'}`);
}

function openTalk(s: StepContext) {
  requireStatus(s.clue, 'in_disposal');
  const talk = s.clue.row.method === 'talk_inquiry' ? repo.latest(s.rows.talks) : undefined;
  if (!talk) throw invalidState(s.clue.row.status);
  return talk;
}

async function replyDue(tx: Tx, ctx: Ctx, from: string): Promise<string> {
  const [cal, settings] = await Promise.all([loadCalendar(tx, ctx.tenantId), loadSettings(tx, ctx.tenantId)]);
  return cal.addWorkingDays(from, settings['system.clue.replyWorkingDays']);
}

/** 谈话函询 starts with its plan (谈话 or 函询) once approved. */
export function planTalkInquiry(ctx: Ctx, id: string, input: { mode: 'talk' | 'letter'; plannedOn: string; note: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.talk_plan', roles: RUNNERS }, async (s) => {
    requireApprovedMethod(s, 'talk_inquiry');
    const tid = newId();
    const at = nowIso(ctx.deps.clock);
    await repo.insertTalk(s.tx, {
      tenant_id: ctx.tenantId, id: tid, clue_id: id, mode: input.mode, planned_on: input.plannedOn, plan_note_enc: sealRow(ctx, T, 'plan_note', tid, input.note)!,
      held_on: null, place_enc: null, interviewers: null, interviewee_signed: null, record_enc: null, letter_sent_on: null, reply_due: null,
      reply_received_on: null, reply_enc: null, endorsed_by_enc: null, endorsed_on: null, spot_draw_id: null, spot_selected: null,
      spot_result_enc: null, spot_consistent: null, spot_checked_at: null, created_at: at,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'in_disposal', method: 'talk_inquiry', updated_at: at });
    return { kind: 'talk_planned', facts: { talkId: tid, mode: input.mode, plannedOn: input.plannedOn, note: digestText(ctx, input.note) } };
  });
}

export interface TalkInput {
  heldOn: string;
  place: string;
  interviewers: string[];
  intervieweeSigned: true;
  record: string;
}

/** 谈话: at least two interviewers, each on the clue's list, and the interviewee's signature on the record. */
export function recordTalk(ctx: Ctx, id: string, input: TalkInput): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.talk', roles: RUNNERS }, async (s) => {
    const talk = openTalk(s);
    if (talk.mode !== 'talk' || talk.held_on) throw invalidState('talk');
    const listed = await repo.listedAmong(s.tx, ctx.tenantId, id, input.interviewers, ['owner', 'handler']);
    if (input.interviewers.length < 2 || input.interviewers.some((i) => !listed.has(i))) throw new AppError('VALIDATION_FAILED', { field: 'interviewers' });
    const due = await replyDue(s.tx, ctx, input.heldOn);
    await repo.updateTalk(s.tx, ctx.tenantId, talk.id, {
      held_on: input.heldOn, place_enc: sealRow(ctx, T, 'place', talk.id, input.place), interviewers: JSON.stringify(input.interviewers),
      interviewee_signed: 1, record_enc: sealRow(ctx, T, 'record', talk.id, input.record), reply_due: due,
    });
    return { kind: 'talk_held', facts: { talkId: talk.id, heldOn: input.heldOn, interviewers: input.interviewers, intervieweeSigned: true, record: digestText(ctx, input.record), replyDue: due } };
  });
}

/** 函询: the letter went out; the written reply is due from that day. */
export function recordLetter(ctx: Ctx, id: string, input: { sentOn: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.letter', roles: RUNNERS }, async (s) => {
    const talk = openTalk(s);
    if (talk.mode !== 'letter' || talk.letter_sent_on) throw invalidState('letter');
    const due = await replyDue(s.tx, ctx, input.sentOn);
    await repo.updateTalk(s.tx, ctx.tenantId, talk.id, { letter_sent_on: input.sentOn, reply_due: due });
    return { kind: 'letter_sent', facts: { talkId: talk.id, sentOn: input.sentOn, replyDue: due } };
  });
}

export interface ReplyInput {
  receivedOn: string;
  content: string;
  endorsedBy: string;
  endorsedOn: string;
}

/** The written reply or explanation, endorsed (签字背书) by the org head; it concludes the 谈话函询. */
export function recordReply(ctx: Ctx, id: string, input: ReplyInput): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.reply', roles: RUNNERS }, async (s) => {
    const talk = openTalk(s);
    const from = talk.held_on ?? talk.letter_sent_on;
    if (!from || talk.endorsed_on) throw invalidState('reply');
    if (input.receivedOn < from || input.endorsedOn < input.receivedOn) throw new AppError('VALIDATION_FAILED', { field: 'endorsedOn' });
    const at = nowIso(ctx.deps.clock);
    await repo.updateTalk(s.tx, ctx.tenantId, talk.id, {
      reply_received_on: input.receivedOn, reply_enc: sealRow(ctx, T, 'reply', talk.id, input.content),
      endorsed_by_enc: sealRow(ctx, T, 'endorsed_by', talk.id, input.endorsedBy), endorsed_on: input.endorsedOn,
    });
    await updateClue(s.tx, ctx.tenantId, id, { status: 'concluded', updated_at: at });
    return {
      kind: 'reply_received',
      facts: { talkId: talk.id, receivedOn: input.receivedOn, content: digestText(ctx, input.content), endorsedBy: digestText(ctx, input.endorsedBy), endorsedOn: input.endorsedOn, late: !!talk.reply_due && input.endorsedOn > talk.reply_due },
    };
  });
}

/** 抽查核实 of a reply the quarterly draw selected: whether what it says holds. */
export function recordSpotCheck(ctx: Ctx, id: string, input: { result: string; consistent: boolean }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.spot_check', roles: RUNNERS }, async (s) => {
    const talk = s.rows.talks.find((x) => x.spot_selected === 1 && !x.spot_checked_at);
    if (!talk) throw invalidState('spot_check');
    await repo.updateTalk(s.tx, ctx.tenantId, talk.id, {
      spot_result_enc: sealRow(ctx, T, 'spot_result', talk.id, input.result), spot_consistent: input.consistent ? 1 : 0, spot_checked_at: nowIso(ctx.deps.clock),
    });
    return { kind: 'spot_checked', facts: { talkId: talk.id, drawId: talk.spot_draw_id, consistent: input.consistent, result: digestText(ctx, input.result) } };
  });
}
