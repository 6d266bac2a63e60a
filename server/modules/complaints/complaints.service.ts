import type { Page } from '../../../contracts/common.js';
import type { Complaint, ComplaintQuery, ComplaintSummary, IntakeComplaint } from '../../../contracts/complaints.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { today } from '../../platform/clock/clock.js';
import { loadCalendar } from '../../platform/clock/load-calendar.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { attachmentsOf } from '../../platform/storage/attachments.service.js';
import { rectificationsBySource } from '../rectification/rectification.service.js';
import { createComplaint, unseal } from './complaints.create.js';
import { eventsOf, messagesOf, ratingsOf } from './complaints.exchange.js';
import { ratingPeriodOver } from './complaints.autoclose.js';
import { allowedActions, authorize, type Capabilities, type ComplaintAction, type ComplaintFacts } from './complaints.policy.js';
import { maskReporter, presentSummary } from './complaints.present.js';
import { newReceiptCode, receiptHash } from './complaints.receipt.js';
import { chainExcludedOrgs } from './complaints.recusal.js';
import * as repo from './complaints.repo.js';
import { defaultDays, type SlaSqlInput } from './complaints.sla.js';

export async function readerOf(db: Db | Tx, ctx: Ctx): Promise<repo.Reader> {
  const a = ctx.actor;
  const supervise = scopeOf(a, 'complaint:supervise');
  const handle = scopeOf(a, 'complaint:handle');
  const personId = a.kind === 'user' ? a.personId : null;
  return {
    tenantId: ctx.tenantId,
    supervise,
    handle,
    readOnly: supervise || handle ? null : scopeOf(a, 'complaint:read'),
    personId,
    userId: userId(ctx),
    chainExcluded: handle ? [...(await chainExcludedOrgs(db, ctx.tenantId, personId))] : [],
  };
}

async function presenter(db: Db | Tx, ctx: Ctx) {
  const [cal, settings] = await Promise.all([loadCalendar(db, ctx.tenantId), loadSettings(db, ctx.tenantId)]);
  const days = defaultDays(settings);
  const day = today(ctx.deps.clock);
  return { cal, settings, days, day, present: (r: repo.SummaryRow) => presentSummary(ctx, r, cal, days, day) };
}

async function slaInput(db: Db | Tx, ctx: Ctx, p: Awaited<ReturnType<typeof presenter>>): Promise<SlaSqlInput> {
  const used = await repo.dayOverrides(db, ctx.tenantId);
  return { cal: p.cal, today: p.day, days: p.days, assignInUse: used.assign, answerInUse: used.answer };
}

export async function listComplaints(ctx: Ctx, q: ComplaintQuery): Promise<Page<ComplaintSummary>> {
  const db = ctx.deps.db;
  const p = await presenter(db, ctx);
  const r = await repo.searchComplaints(db, await readerOf(db, ctx), q, await slaInput(db, ctx, p));
  return { items: r.rows.map(p.present), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function allComplaints(ctx: Ctx, q: repo.ListFilter): Promise<ComplaintSummary[]> {
  const db = ctx.deps.db;
  const p = await presenter(db, ctx);
  return (await repo.allComplaints(db, await readerOf(db, ctx), q, await slaInput(db, ctx, p))).map(p.present);
}

export interface Loaded {
  row: repo.ComplaintRow;
  summary: repo.SummaryRow;
  reader: repo.Reader;
  caps: Capabilities;
  facts: ComplaintFacts;
  extensions: Awaited<ReturnType<typeof repo.extensionsOf>>;
}

/** A complaint the caller can see, with what they may do to it; any other does not exist for them. */
export async function loadComplaint(db: Db | Tx, ctx: Ctx, id: string): Promise<Loaded> {
  const reader = await readerOf(db, ctx);
  const summary = await repo.findVisible(db, reader, id);
  if (!summary) throw notFound('complaint');
  const [row, extensions, rating, settings, recused] = await Promise.all([
    repo.findComplaint(db, ctx.tenantId, id),
    repo.extensionsOf(db, ctx.tenantId, id),
    repo.lastRating(db, ctx.tenantId, id),
    loadSettings(db, ctx.tenantId),
    repo.isRecused(db, ctx.tenantId, id, reader.personId),
  ]);
  const c = row!;
  const orgs = [c.org_id, ...(c.responsible_org_id ? [c.responsible_org_id] : [])];
  const reaches = async (scope: ReturnType<typeof scopeOf>, list: string[]) => {
    for (const o of list) if (await orgInScope(db, ctx.tenantId, scope, o)) return true;
    return false;
  };
  const caps: Capabilities = {
    supervise: await reaches(reader.supervise, orgs),
    handle: !!c.responsible_org_id && !reader.chainExcluded.includes(c.org_id) && !recused && (await reaches(reader.handle, [c.responsible_org_id])),
    identity: await reaches(scopeOf(ctx.actor, 'complaint:identity'), orgs),
  };
  const facts: ComplaintFacts = {
    status: c.status,
    anonymous: c.anonymous === 1,
    pendingExtension: extensions.some((x) => x.status === 'requested'),
    approvedExtensions: extensions.filter((x) => x.status === 'approved').length,
    maxExtensions: settings['system.complaint.maxExtensions'],
    lastRating: rating,
    redos: c.redos,
    ratingOverdue: ratingPeriodOver(c.answered_at, ctx.deps.clock.now(), settings['system.complaint.autoCloseDays']),
  };
  return { row: c, summary, reader, caps, facts, extensions };
}

export async function requireAction(db: Db | Tx, ctx: Ctx, id: string, action: ComplaintAction): Promise<Loaded> {
  const loaded = await loadComplaint(db, ctx, id);
  authorize(loaded.caps, loaded.facts, action);
  return loaded;
}

export async function getComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  const db = ctx.deps.db;
  const l = await loadComplaint(db, ctx, id);
  const c = l.row;
  const p = await presenter(db, ctx);
  const [messages, notes, ratings, events, attachments, linked, rectifications] = await Promise.all([
    messagesOf(db, ctx, id, 'public'),
    messagesOf(db, ctx, id, 'internal'),
    ratingsOf(db, ctx, id),
    eventsOf(db, ctx, id),
    attachmentsOf(db, ctx, 'complaint', id),
    c.case_id ? repo.caseMembers(db, l.reader, c.case_id, id) : [],
    rectificationsBySource(ctx, 'complaint', id),
  ]);
  return {
    ...p.present(l.summary),
    content: unseal(ctx, 'content', id, c.content_enc) ?? '',
    happenedOn: c.happened_on,
    referralSource: c.referral_source,
    reporterMasked: c.anonymous ? null : maskReporter(unseal(ctx, 'reporter_name', id, c.reporter_name_enc), unseal(ctx, 'reporter_mobile', id, c.reporter_mobile_enc)),
    answer: unseal(ctx, 'answer', id, c.answer_enc),
    rejectionReason: unseal(ctx, 'rejection_reason', id, c.rejection_reason_enc),
    messages: messages.map((m) => ({ id: m.id, from: m.from, body: m.body, at: m.at, authorName: m.authorName })),
    notes: notes.map((m) => ({ id: m.id, body: m.body, at: m.at, authorName: m.authorName })),
    ratings,
    extensionList: l.extensions.map((x) => ({ id: x.id, days: x.days, reason: x.reason, status: x.status, requestedAt: x.requested_at, decidedAt: x.decided_at })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
    linked,
    rectifications,
    timeline: events,
    actions: allowedActions(l.caps, l.facts),
  };
}

/**
 * 信访 staff enter a complaint taken by phone, letter, visit or referral. The reporter's receipt code is
 * made here, shown to the staff member once to hand over, and kept only as its slow hash (computed before
 * the transaction opens). With an Idempotency-Key the response — code included — stays sealed in the key's
 * record until the key expires a day later, so a lost response can still reach the reporter.
 */
export async function intakeComplaint(ctx: Ctx, input: IntakeComplaint): Promise<{ code: string; receiptCode: string; submittedAt: string }> {
  const db = ctx.deps.db;
  if (!(await orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, 'complaint:intake'), input.orgId))) throw new AppError('FORBIDDEN');
  if (input.duplicateOf && !(await repo.findVisible(db, await readerOf(db, ctx), input.duplicateOf))) throw notFound('complaint');
  const receiptCode = newReceiptCode(ctx.deps);
  const hash = await receiptHash(ctx.deps, ctx.tenantId, receiptCode);
  return transact(ctx, async (tx) => {
    const created = await createComplaint(tx, ctx, input, hash, []);
    await writeAudit(tx, ctx, { action: 'complaint.intake', objectType: 'complaint', objectId: created.id, details: { code: created.code, channel: input.channel, linked: !!input.duplicateOf } });
    return { code: created.code, receiptCode, submittedAt: created.submittedAt };
  });
}

/** Attachments of a complaint are for whoever may open the complaint. */
export async function mayReadComplaint(ctx: Ctx, id: string): Promise<boolean> {
  if (ctx.actor.kind !== 'user') return false;
  return !!(await repo.findVisible(ctx.deps.db, await readerOf(ctx.deps.db, ctx), id));
}
