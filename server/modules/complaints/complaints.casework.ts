import type { Complaint } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError } from '../../platform/http/errors.js';
import { addRectification } from '../rectification/rectification.service.js';
import { unseal } from './complaints.create.js';
import { addMessage, recordEvent } from './complaints.exchange.js';
import { getComplaint, requireAction } from './complaints.service.js';
import { step } from './complaints.workflow.js';

/** A handler's note: internal, never part of what the reporter reads. */
export function addNote(ctx: Ctx, id: string, body: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.note', 'note', async (tx) => {
    await addMessage(tx, ctx, id, 'handler', 'internal', body);
  });
}

/** A message to the reporter: they read it with their receipt code, without the handler's name. */
export function sendMessage(ctx: Ctx, id: string, body: string): Promise<Complaint> {
  return step(ctx, id, 'complaint.message', 'message', async (tx) => {
    await addMessage(tx, ctx, id, 'handler', 'public', body);
  });
}

/**
 * The named reporter's identity in full, for a holder of complaint:identity who gives a reason. Each view
 * is kept (complaint_identity_view), audited and shown on the internal timeline.
 */
export async function revealIdentity(ctx: Ctx, id: string, reason: string): Promise<{ name: string | null; mobile: string | null }> {
  return transact(ctx, async (tx) => {
    const { row } = await requireAction(tx, ctx, id, 'identity');
    await tx.insertInto('complaint_identity_view').values({ tenant_id: ctx.tenantId, id: newId(), complaint_id: id, user_id: userId(ctx)!, reason, at: nowIso(ctx.deps.clock) }).execute();
    await recordEvent(tx, ctx, id, 'identity_viewed', 'internal', reason);
    await writeAudit(tx, ctx, { action: 'complaint.identity_view', objectType: 'complaint', objectId: id, details: { code: row.code, reason } });
    return { name: unseal(ctx, 'reporter_name', id, row.reporter_name_enc), mobile: unseal(ctx, 'reporter_mobile', id, row.reporter_mobile_enc) };
  });
}

/**
 * Two complaints about the same matter become one case (their existing cases merge); each keeps its own
 * code, reporter and receipt. The caller must supervise both.
 */
export async function linkComplaints(ctx: Ctx, id: string, otherId: string): Promise<Complaint> {
  if (otherId === id) throw new AppError('VALIDATION_FAILED', { field: 'otherId' });
  await transact(ctx, async (tx) => {
    const a = (await requireAction(tx, ctx, id, 'link')).row;
    const b = (await requireAction(tx, ctx, otherId, 'link')).row;
    const caseId = a.case_id ?? b.case_id ?? a.id;
    const members = [a.case_id, b.case_id].filter((c): c is string => !!c && c !== caseId);
    await tx
      .updateTable('complaint')
      .set({ case_id: caseId })
      .where('tenant_id', '=', ctx.tenantId)
      .where((eb) => eb.or([eb('id', 'in', [a.id, b.id]), ...(members.length ? [eb('case_id', 'in', members)] : [])]))
      .execute();
    await recordEvent(tx, ctx, a.id, 'linked', 'internal', b.code);
    await recordEvent(tx, ctx, b.id, 'linked', 'internal', a.code);
    await writeAudit(tx, ctx, { action: 'complaint.link', objectType: 'complaint', objectId: id, details: { code: a.code, other: b.code, caseId } });
  });
  return getComplaint(ctx, id);
}

/**
 * A 整改 item for the accused org through the rectification module's own service. Only the title goes
 * across: the complaint's content and reporter stay sealed here.
 */
export async function toRectification(ctx: Ctx, id: string, input: { title: string; ownerId: string; leaderId?: string | null; days: number; measure: string }): Promise<Complaint> {
  await transact(ctx, async (tx) => {
    const { row } = await requireAction(tx, ctx, id, 'rectification');
    const item = await addRectification(tx, ctx, {
      sourceType: 'complaint', sourceId: id, sourceLabel: row.code, title: input.title, problem: input.title, orgId: row.org_id,
      leaderId: input.leaderId ?? null, ownerId: input.ownerId, days: input.days, measures: [{ description: input.measure, ownerId: input.ownerId }],
    });
    await recordEvent(tx, ctx, id, 'rectification_created', 'internal', item.code);
    await writeAudit(tx, ctx, { action: 'complaint.rectification', objectType: 'complaint', objectId: id, details: { code: row.code, item: item.code, itemId: item.id } });
  });
  return getComplaint(ctx, id);
}
