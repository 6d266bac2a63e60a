import type { Ctx, Db, Tx } from '../../platform/context.js';
import { systemCtx } from '../../platform/context.js';
import { nowIso } from '../../platform/clock/clock.js';
import { AppError, invalidState } from '../../platform/http/errors.js';
import { t } from '../../platform/i18n/i18n.js';
import { moveAttachments } from '../../platform/storage/attachments.service.js';
import { seal, unseal } from './complaints.create.js';
import { addMessage, recordEvent } from './complaints.exchange.js';
import * as repo from './complaints.repo.js';
import { loadComplaint } from './complaints.service.js';
import type { ComplaintTable } from './complaints.tables.js';

/** What a clue takes over from the complaint it came from. */
export interface HandedOver {
  channel: ComplaintTable['channel'];
  content: string;
  /** Null for an anonymous complaint. */
  reporter: { name: string; mobile: string | null } | null;
  submittedAt: string;
}

/**
 * A complaint that turns out to be a clue (问题线索), inside the clue's transaction; the caller audits and,
 * once committed, drops the reporter's kept view. Only someone supervising the complaint may hand it over,
 * once, while it is open. Its content, reporter identity and files go to the clue; the complaint keeps
 * neither and is closed with a neutral answer naming no disciplinary body, so its staff and its reporter
 * learn nothing of the clue.
 */
export async function handOverToClue(tx: Tx, ctx: Ctx, complaintId: string, clueId: string): Promise<HandedOver> {
  await repo.lockComplaint(tx, ctx.deps.dialect, ctx.tenantId, complaintId);
  const l = await loadComplaint(tx, ctx, complaintId);
  if (!l.caps.supervise) throw new AppError('FORBIDDEN');
  const c = l.row;
  if (c.status === 'closed' || c.status === 'rejected' || c.clue_id) throw invalidState(c.status);
  const handed: HandedOver = {
    channel: c.channel,
    content: unseal(ctx, 'content', c.id, c.content_enc) ?? '',
    reporter: c.anonymous === 0 ? { name: unseal(ctx, 'reporter_name', c.id, c.reporter_name_enc) ?? '', mobile: unseal(ctx, 'reporter_mobile', c.id, c.reporter_mobile_enc) } : null,
    submittedAt: c.submitted_at,
  };
  await moveAttachments(tx, ctx, { ownerType: 'complaint', ownerId: c.id }, { ownerType: 'clue', ownerId: clueId });
  const at = nowIso(ctx.deps.clock);
  await repo.updateComplaint(tx, ctx.tenantId, c.id, {
    status: 'closed', clue_id: clueId, content_enc: seal(ctx, 'content', c.id, t('zh-CN', 'complaints.handedOver.contentMoved'))!, reporter_name_enc: null, reporter_mobile_enc: null,
    answer_enc: seal(ctx, 'answer', c.id, t('zh-CN', 'complaints.handedOver.answer')), answered_at: c.answered_at ?? at, closed_at: at, updated_at: at,
  });
  await recordEvent(tx, ctx, c.id, 'closed', 'public', null);
  return handed;
}

/**
 * A message to the reporter on the complaint a clue came from, in the clue's transaction; it comes from
 * the system, so no handler's name reaches the complaint's staff. The caller drops the reporter's kept
 * view once committed.
 */
export async function postSystemMessage(tx: Tx, ctx: Ctx, complaintId: string, body: string): Promise<void> {
  await addMessage(tx, systemCtx(ctx.deps, ctx.tenantId), complaintId, 'handler', 'public', body);
}

/** The register number of a complaint, for the record that came from it. */
export async function complaintCode(db: Db | Tx, tenantId: string, id: string): Promise<string | null> {
  return (await repo.findComplaint(db, tenantId, id))?.code ?? null;
}
