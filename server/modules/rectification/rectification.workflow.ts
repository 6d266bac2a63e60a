import type { Rectification } from '../../../contracts/rectification.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { usersOfPersons } from '../../platform/access/directory.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/notify.service.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { claimAttachments } from '../../platform/storage/attachments.service.js';
import * as repo from './rectification.repo.js';
import { getRectification, recordEvent, requireAction } from './rectification.service.js';

type EventParams = Record<string, string | number | null>;

/** Tells the item's owner (through their accounts) that something happened to it. */
async function tellOwner(tx: Tx, ctx: Ctx, item: repo.ItemRow, kind: string): Promise<void> {
  const users = (await usersOfPersons(tx, ctx.tenantId, [item.owner_person_id])).get(item.owner_person_id) ?? [];
  if (users.length) await notify(tx, ctx, { userIds: users, kind, params: { code: item.code, title: item.title }, link: `/rectification/${item.id}` });
}

async function step(ctx: Ctx, id: string, audit: string, run: (tx: Tx) => Promise<EventParams | void>): Promise<Rectification> {
  await transact(ctx, async (tx) => {
    const details = (await run(tx)) ?? {};
    await writeAudit(tx, ctx, { action: audit, objectType: 'rectification_item', objectId: id, details });
  });
  return getRectification(ctx, id);
}

export function startRectification(ctx: Ctx, id: string, note?: string): Promise<Rectification> {
  return step(ctx, id, 'rectification.start', async (tx) => {
    await requireAction(tx, ctx, id, 'start');
    await repo.updateItem(tx, ctx.tenantId, id, { status: 'in_progress', updated_at: nowIso(ctx.deps.clock) });
    await recordEvent(tx, ctx, id, 'started', note ?? '');
  });
}

export function addMeasure(ctx: Ctx, id: string, input: { description: string; ownerId: string; dueDate?: string }): Promise<Rectification> {
  return step(ctx, id, 'rectification.add_measure', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'add_measure');
    const seq = (await repo.maxMeasureSeq(tx, ctx.tenantId, id)) + 1;
    try {
      await repo.insertMeasures(tx, [{
        tenant_id: ctx.tenantId, id: newId(), item_id: id, seq, description: input.description, owner_person_id: input.ownerId,
        due_date: input.dueDate && input.dueDate < item.due_date ? input.dueDate : item.due_date, status: 'open', done_at: null, note: '',
      }]);
    } catch (e) {
      if (isForeignKeyViolation(e)) throw notFound('person');
      throw e;
    }
    await recordEvent(tx, ctx, id, 'measure_added', input.description, { seq });
    return { seq };
  });
}

/** A measure is reported done (or reopened) by its owner, the item's owner or a manager. */
export function updateMeasure(ctx: Ctx, id: string, measureId: string, input: { status: 'open' | 'done'; note?: string }): Promise<Rectification> {
  return step(ctx, id, 'rectification.update_measure', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'work');
    const m = await repo.findMeasure(tx, ctx.tenantId, id, measureId);
    if (!m) throw notFound('measure');
    await repo.updateMeasure(tx, ctx.tenantId, measureId, {
      status: input.status,
      done_at: input.status === 'done' ? nowIso(ctx.deps.clock) : null,
      ...(input.note !== undefined && { note: input.note }),
    });
    if (item.status === 'pending') await repo.updateItem(tx, ctx.tenantId, id, { status: 'in_progress', updated_at: nowIso(ctx.deps.clock) });
    await recordEvent(tx, ctx, id, input.status === 'done' ? 'measure_done' : 'measure_reopened', input.note ?? '', { seq: m.seq });
    return { measure: m.seq, status: input.status };
  });
}

export function addEvidence(ctx: Ctx, id: string, measureId: string, input: { attachmentIds: string[]; note?: string }): Promise<Rectification> {
  return step(ctx, id, 'rectification.add_evidence', async (tx) => {
    await requireAction(tx, ctx, id, 'work');
    const m = await repo.findMeasure(tx, ctx.tenantId, id, measureId);
    if (!m) throw notFound('measure');
    const claimed = await claimAttachments(tx, ctx, input.attachmentIds, 'rectification_item', id);
    const at = nowIso(ctx.deps.clock);
    await tx
      .insertInto('rectification_evidence')
      .values(claimed.map((a) => ({ tenant_id: ctx.tenantId, id: newId(), item_id: id, measure_id: measureId, attachment_id: a.id, note: input.note ?? '', created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at })))
      .execute();
    await recordEvent(tx, ctx, id, 'evidence_added', input.note ?? '', { seq: m.seq, files: claimed.length });
    return { measure: m.seq, files: claimed.length };
  });
}

/** Submitting for verification needs every measure done and evidenced. */
export function submitRectification(ctx: Ctx, id: string, note?: string): Promise<Rectification> {
  return step(ctx, id, 'rectification.submit', async (tx) => {
    await requireAction(tx, ctx, id, 'submit');
    const measures = await repo.measuresOf(tx, ctx.tenantId, id);
    const evidence = await repo.evidenceOf(tx, ctx.tenantId, id);
    const missing = measures.filter((m) => m.status !== 'done' || !evidence.some((e) => e.measure_id === m.id));
    if (missing.length) throw new AppError('STATE_INVALID', { state: 'measures_incomplete', measures: missing.map((m) => m.seq).join(',') });
    await repo.updateItem(tx, ctx.tenantId, id, { status: 'awaiting_verification', updated_at: nowIso(ctx.deps.clock) });
    await recordEvent(tx, ctx, id, 'submitted', note ?? '');
  });
}

/** 验证: passes to 已销号, or returns to 整改中 with the verifier's reasons. */
export function verifyRectification(ctx: Ctx, id: string, input: { pass: boolean; note?: string }): Promise<Rectification> {
  return step(ctx, id, input.pass ? 'rectification.close' : 'rectification.return', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'verify');
    if (!input.pass && !input.note) throw new AppError('VALIDATION_FAILED', { field: 'note' });
    const at = nowIso(ctx.deps.clock);
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await repo.updateItem(tx, ctx.tenantId, id, input.pass ? { status: 'closed', closed_at: at, closed_by: by, updated_at: at } : { status: 'in_progress', updated_at: at });
    await recordEvent(tx, ctx, id, input.pass ? 'closed' : 'returned', input.note ?? '');
    await tellOwner(tx, ctx, item, input.pass ? 'rectification.closed' : 'rectification.returned');
  });
}

export function requestExtension(ctx: Ctx, id: string, input: { days: number; reason: string }): Promise<Rectification> {
  return step(ctx, id, 'rectification.request_extension', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'request_extension');
    const settings = await loadSettings(tx, ctx.tenantId);
    if (item.extensions >= settings['system.rectification.maxExtensions']) throw new AppError('STATE_INVALID', { state: 'extension_limit', max: settings['system.rectification.maxExtensions'] });
    const pending = await tx.selectFrom('rectification_extension').select('id').where('tenant_id', '=', ctx.tenantId).where('item_id', '=', id).where('status', '=', 'requested').executeTakeFirst();
    if (pending) throw new AppError('STATE_INVALID', { state: 'extension_pending' });
    await tx
      .insertInto('rectification_extension')
      .values({
        tenant_id: ctx.tenantId, id: newId(), item_id: id, days: input.days, reason: input.reason, status: 'requested',
        requested_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, requested_at: nowIso(ctx.deps.clock), decided_by: null, decided_at: null, decision_note: '',
      })
      .execute();
    await recordEvent(tx, ctx, id, 'extension_requested', input.reason, { days: input.days });
    return { days: input.days };
  });
}

/** 延期 approval moves the due date by the granted working days; the history keeps every request. */
export function decideExtension(ctx: Ctx, id: string, extensionId: string, input: { approve: boolean; note?: string }): Promise<Rectification> {
  return step(ctx, id, input.approve ? 'rectification.approve_extension' : 'rectification.reject_extension', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'approve_extension');
    const x = await tx.selectFrom('rectification_extension').selectAll().where('tenant_id', '=', ctx.tenantId).where('item_id', '=', id).where('id', '=', extensionId).executeTakeFirst();
    if (!x) throw notFound('extension');
    if (x.status !== 'requested') throw new AppError('STATE_INVALID', { state: x.status });
    if (ctx.actor.kind === 'user' && x.requested_by === ctx.actor.userId) throw new AppError('FORBIDDEN', { reason: 'own_request' });
    const at = nowIso(ctx.deps.clock);
    await tx
      .updateTable('rectification_extension')
      .set({ status: input.approve ? 'approved' : 'rejected', decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decided_at: at, decision_note: input.note ?? '' })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', extensionId)
      .execute();
    let due = item.due_date;
    if (input.approve) {
      const cal = await loadCalendar(tx, ctx.tenantId);
      due = item.deadline_unit === 'working' ? cal.addWorkingDays(item.due_date, x.days) : cal.addCalendarDays(item.due_date, x.days);
      await repo.updateItem(tx, ctx.tenantId, id, { due_date: due, extensions: item.extensions + 1, updated_at: at });
      await tx.updateTable('rectification_measure').set({ due_date: due }).where('tenant_id', '=', ctx.tenantId).where('item_id', '=', id).where('status', '=', 'open').where('due_date', '=', item.due_date).execute();
    }
    await recordEvent(tx, ctx, id, input.approve ? 'extension_approved' : 'extension_rejected', input.note ?? '', { days: x.days, due });
    await tellOwner(tx, ctx, item, input.approve ? 'rectification.extension_approved' : 'rectification.extension_rejected');
    return { days: x.days, due };
  });
}

/** 回头看: a follow-up check found the problem back. The item returns to work with a new deadline. */
export function reopenRectification(ctx: Ctx, id: string, input: { note: string; days: number }): Promise<Rectification> {
  return step(ctx, id, 'rectification.reopen', async (tx) => {
    const { item } = await requireAction(tx, ctx, id, 'reopen');
    const cal = await loadCalendar(tx, ctx.tenantId);
    const start = today(ctx.deps.clock);
    const due = cal.addWorkingDays(start, input.days);
    const at = nowIso(ctx.deps.clock);
    await repo.updateItem(tx, ctx.tenantId, id, {
      status: 'in_progress', deadline_start: start, deadline_days: input.days, deadline_unit: 'working', due_date: due,
      reopens: item.reopens + 1, closed_at: null, closed_by: null, updated_at: at,
    });
    await tx.updateTable('rectification_measure').set({ status: 'open', done_at: null, due_date: due }).where('tenant_id', '=', ctx.tenantId).where('item_id', '=', id).execute();
    await recordEvent(tx, ctx, id, 'reopened', input.note, { due });
    await tellOwner(tx, ctx, item, 'rectification.reopened');
    return { due };
  });
}
