import type { Page } from '../../../contracts/common.js';
import type { CreateRectification, Rectification, RectificationQuery, RectificationSource, RectificationSummary, UpdateRectification } from '../../../contracts/rectification.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { usersOfPersons } from '../../platform/access/directory.js';
import { notify } from '../../platform/notify/notify.service.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { nextSequence, registerCode } from '../../platform/db/sequence.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { allowedActions, authorizeAction, type ItemFacts, type RectificationAction } from './rectification.policy.js';
import { presentDetail, presentSummary, slaRules } from './rectification.present.js';
import * as repo from './rectification.repo.js';

export function readerOf(ctx: Ctx): repo.Reader {
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx.actor, 'rectification:read'), personId: ctx.actor.kind === 'user' ? ctx.actor.personId : null };
}

async function presenter(ctx: Ctx) {
  const [cal, settings] = await Promise.all([loadCalendar(ctx.deps.db, ctx.tenantId), loadSettings(ctx.deps.db, ctx.tenantId)]);
  const rules = slaRules(settings);
  const day = today(ctx.deps.clock);
  return async (rows: repo.SummaryRow[]): Promise<RectificationSummary[]> => {
    const counts = await repo.measureCounts(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
    return rows.map((r) => presentSummary(r, counts.get(r.id), cal, rules, day));
  };
}

export async function listRectifications(ctx: Ctx, q: RectificationQuery): Promise<Page<RectificationSummary>> {
  const r = await repo.searchItems(ctx.deps.db, readerOf(ctx), q, today(ctx.deps.clock));
  return { items: await (await presenter(ctx))(r.rows), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function allRectifications(ctx: Ctx, q: RectificationQuery): Promise<RectificationSummary[]> {
  return (await presenter(ctx))(await repo.allItems(ctx.deps.db, readerOf(ctx), q, today(ctx.deps.clock)));
}

/** The item with what the caller may do; invisible items do not exist for the caller. */
export async function loadFacts(db: Db | Tx, ctx: Ctx, id: string): Promise<{ item: repo.ItemRow; facts: ItemFacts }> {
  if (!(await repo.findSummary(db, readerOf(ctx), id))) throw notFound('rectification');
  const item = (await repo.findItem(db, ctx.tenantId, id))!;
  return { item, facts: { item, measureOwners: await repo.measureOwners(db, ctx.tenantId, id) } };
}

export async function requireAction(db: Db | Tx, ctx: Ctx, id: string, action: RectificationAction) {
  const loaded = await loadFacts(db, ctx, id);
  await authorizeAction(db, ctx, loaded.facts, action);
  return loaded;
}

export async function getRectification(ctx: Ctx, id: string): Promise<Rectification> {
  const { facts } = await loadFacts(ctx.deps.db, ctx, id);
  const db = ctx.deps.db;
  const [summary, item, measures, evidence, extensions, events] = await Promise.all([
    repo.findSummary(db, readerOf(ctx), id),
    repo.findItem(db, ctx.tenantId, id),
    repo.measuresOf(db, ctx.tenantId, id),
    repo.evidenceOf(db, ctx.tenantId, id),
    repo.extensionsOf(db, ctx.tenantId, id),
    repo.eventsOf(db, ctx.tenantId, id),
  ]);
  const [presented] = await (await presenter(ctx))([summary!]);
  return { ...presented!, ...presentDetail(item!, measures, evidence, extensions, events, ctx.actor.kind === 'user' ? ctx.actor.userId : null), actions: await allowedActions(db, ctx, facts) };
}

export async function recordEvent(tx: Tx, ctx: Ctx, itemId: string, kind: string, note = '', params: Record<string, string | number | null> = {}): Promise<void> {
  await repo.insertEvent(tx, {
    tenant_id: ctx.tenantId, id: newId(), item_id: itemId, at: nowIso(ctx.deps.clock), actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    kind, note, params: JSON.stringify(params),
  });
}

export interface NewRectification extends Omit<CreateRectification, 'sourceType'> {
  sourceType: RectificationSource;
}

/**
 * The service other modules call (a complaint, a clue outcome, an inspection finding, a risk review)
 * inside their own transaction; their audit event records the item. Returns its id and code.
 */
export async function addRectification(tx: Tx, ctx: Ctx, input: NewRectification): Promise<{ id: string; code: string }> {
  const cal = await loadCalendar(tx, ctx.tenantId);
  const start = today(ctx.deps.clock);
  const unit = input.unit ?? 'working';
  const due = unit === 'working' ? cal.addWorkingDays(start, input.days) : cal.addCalendarDays(start, input.days);
  const year = Number(start.slice(0, 4));
  const seq = await nextSequence(tx, ctx.tenantId, 'rectification', year);
  const id = newId();
  const code = registerCode('ZG', year, seq);
  const at = nowIso(ctx.deps.clock);
  try {
    await repo.insertItem(tx, {
      tenant_id: ctx.tenantId, id, code, year, seq, source_type: input.sourceType, source_id: input.sourceId ?? null,
      source_label: input.sourceLabel ?? '', title: input.title, problem: input.problem, root_cause: input.rootCause ?? '',
      org_id: input.orgId, leader_id: input.leaderId ?? null, owner_person_id: input.ownerId, status: 'pending',
      deadline_start: start, deadline_days: input.days, deadline_unit: unit, due_date: due, extensions: 0, reopens: 0,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: at, updated_at: at, closed_at: null, closed_by: null,
    });
    await repo.insertMeasures(
      tx,
      input.measures.map((m, i) => ({
        tenant_id: ctx.tenantId, id: newId(), item_id: id, seq: i + 1, description: m.description, owner_person_id: m.ownerId,
        due_date: m.dueDate && m.dueDate < due ? m.dueDate : due, status: 'open', done_at: null, note: '',
      })),
    );
  } catch (e) {
    if (isForeignKeyViolation(e)) throw notFound('reference');
    throw e;
  }
  await recordEvent(tx, ctx, id, 'created', '', { source: input.sourceType, due });
  const owners = [input.ownerId, ...input.measures.map((m) => m.ownerId)];
  const accounts = [...(await usersOfPersons(tx, ctx.tenantId, owners)).values()].flat();
  if (accounts.length) await notify(tx, ctx, { userIds: accounts, kind: 'rectification.assigned', params: { code, title: input.title, due }, link: `/rectification/${id}` });
  return { id, code };
}

async function checkManage(ctx: Ctx, orgId: string): Promise<void> {
  if (!(await orgInScope(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'rectification:manage'), orgId))) throw new AppError('FORBIDDEN');
}

export async function createRectification(ctx: Ctx, input: CreateRectification): Promise<Rectification> {
  await checkManage(ctx, input.orgId);
  const { id } = await transact(ctx, async (tx) => {
    const created = await addRectification(tx, ctx, input);
    await writeAudit(tx, ctx, { action: 'rectification.create', objectType: 'rectification_item', objectId: created.id, details: { code: created.code, source: input.sourceType } });
    return created;
  });
  return getRectification(ctx, id);
}

export async function updateRectification(ctx: Ctx, id: string, input: UpdateRectification): Promise<Rectification> {
  await transact(ctx, async (tx) => {
    await requireAction(tx, ctx, id, 'edit');
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.problem !== undefined && { problem: input.problem }),
      ...(input.rootCause !== undefined && { root_cause: input.rootCause }),
      ...(input.leaderId !== undefined && { leader_id: input.leaderId }),
      ...(input.ownerId !== undefined && { owner_person_id: input.ownerId }),
      updated_at: nowIso(ctx.deps.clock),
    };
    try {
      await repo.updateItem(tx, ctx.tenantId, id, patch);
    } catch (e) {
      if (isForeignKeyViolation(e)) throw notFound('reference');
      throw e;
    }
    await recordEvent(tx, ctx, id, 'updated', '', { fields: Object.keys(input).join(',') });
    await writeAudit(tx, ctx, { action: 'rectification.update', objectType: 'rectification_item', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getRectification(ctx, id);
}

export async function rectificationOrgSummary(ctx: Ctx, q: RectificationQuery) {
  const rows = await repo.orgSummary(ctx.deps.db, readerOf(ctx), q, today(ctx.deps.clock));
  const items = rows.map((r) => {
    const total = Number(r.total);
    const closed = Number(r.closed);
    return { orgId: r.org_id, orgName: r.org_name, total, closed, open: total - closed, overdue: Number(r.overdue), completionRate: total ? closed / total : 0 };
  });
  const sum = (k: 'total' | 'closed' | 'overdue') => items.reduce((s, r) => s + r[k], 0);
  const total = sum('total');
  const closed = sum('closed');
  return { items, totals: { orgId: ctx.tenantId, orgName: '', total, closed, open: total - closed, overdue: sum('overdue'), completionRate: total ? closed / total : 0 } };
}

/** Status of the items a source record created, for the module that owns that record. */
export async function rectificationsBySource(ctx: Ctx, sourceType: RectificationSource, sourceId: string) {
  const rows = await ctx.deps.db
    .selectFrom('rectification_item')
    .select(['id', 'code', 'status', 'due_date'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .orderBy('code')
    .execute();
  const day = today(ctx.deps.clock);
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status, dueDate: r.due_date, overdue: r.status !== 'closed' && day > r.due_date }));
}

/** Evidence is readable by whoever may read the item (its owners included). */
export async function mayReadItem(ctx: Ctx, itemId: string): Promise<boolean> {
  return !!(await repo.findSummary(ctx.deps.db, readerOf(ctx), itemId));
}
