import type { ClueIdentityPurpose, ClueIdentityRequest, ClueReporterIdentity } from '../../../contracts/clues.js';
import type { Page } from '../../../contracts/common.js';
import { addMs, nowIso } from '../../platform/clock/clock.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, invalidState, notFound } from '../../platform/http/errors.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { notify } from '../../platform/notify/notify.service.js';
import { grantHolders } from '../../platform/access/directory.js';
import { appendClueStep, digestText } from './steps/steps.append.js';
import { identityAvailable } from './clues.actions.js';
import { auditClue } from './clues.audit.js';
import { requireClue, type LoadedClue } from './clues.load.js';
import { accountRecused, notRecused, viewerOf } from './clues.recusal.js';
import { sealClue, unsealClue } from './clues.seal.js';

const HOUR_MS = 3_600_000;
const reasonField = 'identity_request_reason';
const decisionField = 'identity_decision_reason';

/** The caller's requests on one clue, and their live grant if any. */
export async function identityState(db: Db | Tx, ctx: Ctx, c: LoadedClue) {
  const me = userId(ctx);
  const rows = me
    ? await db.selectFrom('clue_identity_request').selectAll().where('tenant_id', '=', ctx.tenantId).where('clue_id', '=', c.row.id).where('requester_id', '=', me).orderBy('requested_at', 'desc').execute()
    : [];
  const now = nowIso(ctx.deps.clock);
  const grant = rows.find((r) => r.status === 'approved' && r.grant_until && r.grant_until > now) ?? null;
  return {
    grant,
    pendingRequest: rows.some((r) => r.status === 'pending'),
    view: {
      named: c.row.named === 1,
      available: identityAvailable(c),
      grantUntil: grant?.grant_until ?? null,
      grantPurpose: grant?.purpose ?? null,
      myRequests: rows.map((r) => ({
        id: r.id, purpose: r.purpose, status: r.status, requestedAt: r.requested_at, decidedAt: r.decided_at,
        decisionReason: unsealClue(ctx, decisionField, r.id, r.decision_reason_enc),
      })),
    },
  };
}

/** A handler asks the custodian for the reporter's identity, with a reason; one open request at a time. */
export async function requestIdentity(ctx: Ctx, clueId: string, input: { reason: string; purpose?: ClueIdentityPurpose }): Promise<ClueIdentityRequest> {
  const id = await transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, clueId, ['owner', 'handler']);
    if (!identityAvailable(c)) throw invalidState(c.row.named ? 'erased' : 'anonymous');
    const state = await identityState(tx, ctx, c);
    if (state.pendingRequest) throw invalidState('request_pending');
    if (state.grant) throw invalidState('grant_live');
    const requestId = newId();
    const purpose = input.purpose ?? 'handling';
    await tx.insertInto('clue_identity_request').values({
      tenant_id: ctx.tenantId, id: requestId, clue_id: clueId, requester_id: userId(ctx)!, purpose, reason_enc: sealClue(ctx, reasonField, requestId, input.reason)!,
      status: 'pending', requested_at: nowIso(ctx.deps.clock), decided_by: null, decided_at: null, decision_reason_enc: null, grant_until: null,
    }).execute();
    await appendClueStep(tx, ctx, clueId, 'identity_requested', { requestId, purpose, reasonSm3: digestText(ctx, input.reason) });
    await tellCustodians(tx, ctx, c);
    await auditClue(tx, ctx, 'clue.identity_request', clueId);
    return requestId;
  });
  const row = await requests(ctx.deps.db, ctx).select(queueColumns).where('r.id', '=', id).executeTakeFirstOrThrow();
  return presentRequest(ctx, row as QueueRow);
}

/**
 * Custodians learn that a request waits, with no clue number in the message: the queue shows it to those
 * not recused from the clue, so only they are told.
 */
async function tellCustodians(tx: Tx, ctx: Ctx, c: LoadedClue): Promise<void> {
  const holders = [...new Set((await grantHolders(tx, ctx.tenantId, 'clue:custody')).map((h) => h.userId))].filter((u) => u !== userId(ctx));
  const told: string[] = [];
  for (const u of holders) if (!(await accountRecused(tx, ctx.tenantId, u, c.row))) told.push(u);
  if (told.length) await notify(tx, ctx, { userIds: told, kind: 'clue.identity_requested', link: '/clues/custody' });
}

/**
 * The custodian queue: requests on clues the custodian is not recused from, never their own. It names the
 * clue by its register number only: no content, reported person or reporter.
 */
function requests(db: Db | Tx, ctx: Ctx) {
  return db
    .selectFrom('clue_identity_request as r')
    .innerJoin('clue as c', (j) => j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.id', '=', 'r.clue_id'))
    .innerJoin('user_account as u', (j) => j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.requester_id'))
    .leftJoin('user_account as d', (j) => j.onRef('d.tenant_id', '=', 'r.tenant_id').onRef('d.id', '=', 'r.decided_by'))
    .where('r.tenant_id', '=', ctx.tenantId);
}

function queue(db: Db | Tx, ctx: Ctx, v: NonNullable<Awaited<ReturnType<typeof viewerOf>>>) {
  return requests(db, ctx).where('r.requester_id', '<>', v.accountId).where(notRecused(v));
}

type QueueRow = { id: string; clue_id: string; code: string; requester_id: string; requester_name: string; reason_enc: string; purpose: ClueIdentityPurpose;
  status: 'pending' | 'approved' | 'refused'; requested_at: string; decided_by: string | null; decider_name: string | null; decided_at: string | null;
  decision_reason_enc: string | null; grant_until: string | null };

const queueColumns = [
  'r.id', 'r.clue_id', 'c.code', 'r.requester_id', 'u.display_name as requester_name', 'r.reason_enc', 'r.purpose', 'r.status', 'r.requested_at',
  'r.decided_by', 'd.display_name as decider_name', 'r.decided_at', 'r.decision_reason_enc', 'r.grant_until',
] as const;

function presentRequest(ctx: Ctx, r: QueueRow): ClueIdentityRequest {
  return {
    id: r.id,
    clue: { id: r.clue_id, code: r.code },
    requester: { id: r.requester_id, name: r.requester_name },
    reason: unsealClue(ctx, reasonField, r.id, r.reason_enc) ?? '',
    purpose: r.purpose,
    status: r.status,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
    decidedAt: r.decided_at,
    decisionReason: unsealClue(ctx, decisionField, r.id, r.decision_reason_enc),
    grantUntil: r.grant_until,
  };
}

export async function listIdentityRequests(ctx: Ctx, q: { page?: number; pageSize?: number; status?: QueueRow['status'] }): Promise<Page<ClueIdentityRequest>> {
  const db = ctx.deps.db;
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const v = await viewerOf(db, ctx);
  if (!v) return { items: [], total: 0, page, pageSize };
  let base = queue(db, ctx, v);
  if (q.status) base = base.where('r.status', '=', q.status);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.select(queueColumns).orderBy('r.requested_at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
  ]);
  return { items: rows.map((r) => presentRequest(ctx, r as QueueRow)), total: Number(count.n), page, pageSize };
}

/** The custodian approves (a grant for system.clue.identityGrantHours) or refuses, with a reason. */
export async function decideIdentityRequest(ctx: Ctx, requestId: string, input: { approve: boolean; reason: string }): Promise<ClueIdentityRequest> {
  const db = ctx.deps.db;
  const v = await viewerOf(db, ctx);
  if (!v) throw notFound('clue_identity_request');
  await transact(ctx, async (tx) => {
    const r = await queue(tx, ctx, v).select(['r.id', 'r.clue_id', 'r.status', 'r.purpose']).where('r.id', '=', requestId).executeTakeFirst();
    if (!r) throw notFound('clue_identity_request');
    if (r.status !== 'pending') throw invalidState(r.status);
    const at = nowIso(ctx.deps.clock);
    const hours = (await loadSettings(tx, ctx.tenantId))['system.clue.identityGrantHours'];
    const grantUntil = input.approve ? addMs(at, hours * HOUR_MS) : null;
    await tx
      .updateTable('clue_identity_request')
      .set({ status: input.approve ? 'approved' : 'refused', decided_by: v.accountId, decided_at: at, decision_reason_enc: sealClue(ctx, decisionField, requestId, input.reason), grant_until: grantUntil })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', requestId)
      .where('status', '=', 'pending')
      .execute();
    await appendClueStep(tx, ctx, r.clue_id, 'identity_decided', { requestId, approve: input.approve, purpose: r.purpose, grantUntil, reasonSm3: digestText(ctx, input.reason) });
    await auditClue(tx, ctx, 'clue.identity_decide', r.clue_id);
  });
  const row = await queue(db, ctx, v).select(queueColumns).where('r.id', '=', requestId).executeTakeFirstOrThrow();
  return presentRequest(ctx, row as QueueRow);
}

/** One view of the reporter's identity against the caller's live grant, logged (借阅登记) and signed. */
export async function viewIdentity(ctx: Ctx, clueId: string, purpose: string): Promise<ClueReporterIdentity> {
  return transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, clueId, ['owner', 'handler']);
    if (!identityAvailable(c)) throw invalidState(c.row.named ? 'erased' : 'anonymous');
    const { grant } = await identityState(tx, ctx, c);
    if (!grant) throw new AppError('CLUE_GRANT_REQUIRED');
    const id = newId();
    await tx.insertInto('clue_identity_view').values({
      tenant_id: ctx.tenantId, id, clue_id: clueId, request_id: grant.id, account_id: userId(ctx)!,
      purpose_enc: sealClue(ctx, 'identity_view_purpose', id, purpose)!, at: nowIso(ctx.deps.clock),
    }).execute();
    await appendClueStep(tx, ctx, clueId, 'identity_viewed', { viewId: id, requestId: grant.id, purposeSm3: digestText(ctx, purpose) });
    await auditClue(tx, ctx, 'clue.identity_view', clueId);
    return reporterOf(ctx, c, grant.grant_until!);
  });
}

export function reporterOf(ctx: Ctx, c: LoadedClue, grantUntil: string): ClueReporterIdentity {
  const id = c.row.id;
  return {
    name: unsealClue(ctx, 'reporter_name', id, c.row.reporter_name_enc) ?? '',
    mobile: unsealClue(ctx, 'reporter_mobile', id, c.row.reporter_mobile_enc),
    unit: unsealClue(ctx, 'reporter_unit', id, c.row.reporter_unit_enc),
    grantUntil,
  };
}
