import type { Static } from 'typebox';
import type { Clue, ClueNoticeKind, ClueNoticeLetter } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { userId } from '../../../platform/context.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, invalidState } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { postSystemMessage } from '../../complaints/complaints.handover.js';
import { dropReporterView } from '../../complaints/reporter-views.js';
import { requireClue, type ClueRow } from '../clues.load.js';
import { updateClue } from '../clues.repo.js';
import { digestText } from '../steps/steps.append.js';
import { renderNoticeLetter, type LetterFacts } from './disposal.letters.js';
import * as repo from './disposal.repo.js';
import { sealRow } from './disposal.seal.js';
import { RUNNERS, disposalStep, requireStatus } from './disposal.step.js';

/** 办结: the handling is over; a named reporter's result notice is due from today. */
export function closeClue(ctx: Ctx, id: string, input: { note?: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.close', roles: RUNNERS }, async ({ tx, clue }) => {
    requireStatus(clue, 'concluded', 'outcome_recorded', 'transferred');
    const eid = newId();
    const at = nowIso(ctx.deps.clock);
    const day = today(ctx.deps.clock);
    await repo.insertEnding(tx, {
      tenant_id: ctx.tenantId, id: eid, clue_id: id, kind: 'close', reason: null, recipient: null, note_enc: sealRow(ctx, 'clue_ending', 'note', eid, input.note), by_id: userId(ctx), at,
    });
    await updateClue(tx, ctx.tenantId, id, { status: 'closed', closed_on: day, updated_at: at });
    return { kind: 'closed', facts: { endingId: eid, closedOn: day, from: clue.row.status, note: input.note ? digestText(ctx, input.note) : null } };
  });
}

/** Which letter a clue's state allows, or null when the reporter cannot be sent one now. */
function letterFacts(row: ClueRow, rows: repo.DisposalRows, kind: ClueNoticeKind, unit: string, date: string): LetterFacts | null {
  if (row.named !== 1) return null;
  if (kind === 'acceptance') {
    const variant = row.scope_decision === 'accept' ? 'accepted' : row.scope_decision === 'not_accept' ? 'not_accepted' : row.status === 'registered' ? 'pending' : null;
    return variant ? { kind, variant, receivedOn: row.received_on, unit, date } : null;
  }
  if (row.status !== 'closed' || !row.closed_on) return null;
  const outcome = rows.outcomes.length ? 'handled' : rows.endings.some((e) => e.kind === 'transfer') ? 'transferred' : 'not_substantiated';
  return { kind, outcome, receivedOn: row.received_on, closedOn: row.closed_on, unit, date };
}

/** The letter text for the reporter, in the caller's language; it names no disciplinary body (tested). */
export async function noticeLetter(ctx: Ctx, id: string, kind: ClueNoticeKind, locale: Locale): Promise<Static<typeof ClueNoticeLetter>> {
  const db = ctx.deps.db;
  const clue = await requireClue(db, ctx, id, RUNNERS);
  const rows = repo.rowsOf(await repo.disposalRows(db, ctx.tenantId, [id]), id);
  const facts = letterFacts(clue.row, rows, kind, (await repo.tenantName(db, ctx.tenantId)).name, today(ctx.deps.clock));
  if (!facts) throw invalidState(clue.row.status);
  const letter = renderNoticeLetter(locale, facts);
  return { kind, text: `${letter.title}\n\n${letter.body}` };
}

export interface NoticeInput {
  kind: ClueNoticeKind;
  toldOn: string;
  method: 'phone' | 'letter' | 'in_person' | 'portal' | 'sms';
  note: string;
  retaliationCheckOptIn?: boolean;
}

/**
 * How and when a named reporter was told of acceptance or of the result. With `portal`, the letter text is
 * posted on the complaint the clue came from as a message of the system, so no handler's name reaches the
 * complaint's staff either. The first notice of each kind stops its clock.
 */
export async function recordNotice(ctx: Ctx, id: string, input: NoticeInput): Promise<Clue> {
  let posted: string | null = null;
  const clue = await disposalStep(ctx, id, { audit: 'clue.notice', roles: RUNNERS }, async ({ tx, clue, rows }) => {
    const row = clue.row;
    const day = today(ctx.deps.clock);
    if (input.retaliationCheckOptIn !== undefined && input.kind !== 'result') throw new AppError('VALIDATION_FAILED', { field: 'retaliationCheckOptIn' });
    const facts = letterFacts(row, rows, input.kind, (await repo.tenantName(tx, ctx.tenantId)).name, input.toldOn);
    if (!facts || (input.kind === 'acceptance' && facts.kind === 'acceptance' && facts.variant === 'pending')) throw invalidState(row.status);
    const from = input.kind === 'result' ? row.closed_on! : row.received_on;
    if (input.toldOn < from || input.toldOn > day) throw new AppError('VALIDATION_FAILED', { field: 'toldOn' });
    if (input.method === 'portal') {
      if (!row.complaint_id) throw new AppError('VALIDATION_FAILED', { field: 'method' });
      const letter = renderNoticeLetter('zh-CN', facts);
      await postSystemMessage(tx, ctx, row.complaint_id, `${letter.title}\n${letter.body}`);
      posted = row.complaint_id;
    }
    const cid = newId();
    const optIn = input.retaliationCheckOptIn === true;
    await repo.insertContact(tx, {
      tenant_id: ctx.tenantId, id: cid, clue_id: id, kind: input.kind, on_date: input.toldOn, method: input.method, text_enc: sealRow(ctx, 'clue_reporter_contact', 'text', cid, input.note),
      checkin_opt_in: optIn ? 1 : 0, retaliation: 0, by_id: userId(ctx), at: nowIso(ctx.deps.clock),
    });
    const column = input.kind === 'acceptance' ? 'acceptance_notice_on' : 'result_notice_on';
    if (!row[column]) await updateClue(tx, ctx.tenantId, id, { [column]: input.toldOn, updated_at: nowIso(ctx.deps.clock) });
    return { kind: 'notice_recorded', facts: { contactId: cid, kind: input.kind, toldOn: input.toldOn, method: input.method, retaliationCheckOptIn: optIn, note: input.note ? digestText(ctx, input.note) : null } };
  });
  if (posted) dropReporterView(ctx.tenantId, posted);
  return clue;
}

/** A named reporter's objection to the result. */
export function recordObjection(ctx: Ctx, id: string, input: { receivedOn: string; content: string }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.objection', roles: RUNNERS }, async ({ tx, clue }) => {
    requireStatus(clue, 'closed');
    if (clue.row.named !== 1) throw invalidState('anonymous');
    if (input.receivedOn < clue.row.closed_on! || input.receivedOn > today(ctx.deps.clock)) throw new AppError('VALIDATION_FAILED', { field: 'receivedOn' });
    const cid = newId();
    await repo.insertContact(tx, {
      tenant_id: ctx.tenantId, id: cid, clue_id: id, kind: 'objection', on_date: input.receivedOn, method: null, text_enc: sealRow(ctx, 'clue_reporter_contact', 'text', cid, input.content),
      checkin_opt_in: 0, retaliation: 0, by_id: userId(ctx), at: nowIso(ctx.deps.clock),
    });
    return { kind: 'objection_recorded', facts: { contactId: cid, receivedOn: input.receivedOn, content: digestText(ctx, input.content) } };
  });
}

/** The retaliation check-in with a reporter who asked for it when told the result. */
export function recordCheckin(ctx: Ctx, id: string, input: { doneOn: string; note: string; retaliation: boolean }): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.checkin', roles: RUNNERS }, async ({ tx, clue, rows }) => {
    requireStatus(clue, 'closed');
    if (!rows.contacts.some((c) => c.kind === 'result' && c.checkin_opt_in === 1)) throw invalidState('no_checkin_requested');
    if (input.doneOn < clue.row.closed_on! || input.doneOn > today(ctx.deps.clock)) throw new AppError('VALIDATION_FAILED', { field: 'doneOn' });
    const cid = newId();
    await repo.insertContact(tx, {
      tenant_id: ctx.tenantId, id: cid, clue_id: id, kind: 'checkin', on_date: input.doneOn, method: null, text_enc: sealRow(ctx, 'clue_reporter_contact', 'text', cid, input.note),
      checkin_opt_in: 0, retaliation: input.retaliation ? 1 : 0, by_id: userId(ctx), at: nowIso(ctx.deps.clock),
    });
    return { kind: 'checkin_recorded', facts: { contactId: cid, doneOn: input.doneOn, retaliation: input.retaliation, note: input.note ? digestText(ctx, input.note) : null } };
  });
}
