import type { ComplaintTable } from './complaints.tables.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { nextSequence, registerCode } from '../../platform/db/sequence.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAttachment, type PreparedAttachment } from '../../platform/storage/attachments.service.js';

export interface NewComplaint {
  channel: ComplaintTable['channel'];
  matterId: string;
  orgId: string;
  content: string;
  happenedOn?: string | null;
  anonymous: boolean;
  name?: string;
  mobile?: string;
  referralSource?: string;
  duplicateOf?: string | null;
}

/** The AAD of each sealed field names the table, field and row: a ciphertext moved elsewhere no longer opens. */
export const sealedField = (field: string, id: string) => `complaint:${field}:${id}`;

export function seal(ctx: Ctx, field: string, id: string, value: string | null | undefined): string | null {
  return value ? ctx.deps.crypto.encrypt(ctx.tenantId, value, sealedField(field, id)) : null;
}

export function unseal(ctx: Ctx, field: string, id: string, envelope: string | null): string | null {
  return envelope ? ctx.deps.crypto.decrypt(ctx.tenantId, envelope, sealedField(field, id)) : null;
}

/**
 * Registers one complaint (portal or staff intake) inside the caller's transaction: 逐件编号, sealed
 * content and identity, the receipt's slow hash (computed by the caller before the transaction, so the
 * transaction never waits on it), its files, and the first timeline entry. The caller audits.
 */
export async function createComplaint(tx: Tx, ctx: Ctx, input: NewComplaint, receiptHash: string, files: PreparedAttachment[]): Promise<{ id: string; code: string; submittedAt: string }> {
  if (input.anonymous ? !!(input.name || input.mobile) : !(input.name && input.mobile)) throw new AppError('VALIDATION_FAILED', { field: 'anonymous' });
  const matter = await tx
    .selectFrom('complaint_matter as m')
    .innerJoin('complaint_category as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.category_id'))
    .select(['m.id', 'm.category_id'])
    .where('m.tenant_id', '=', ctx.tenantId)
    .where('m.id', '=', input.matterId)
    .where('m.enabled', '=', 1)
    .where('c.enabled', '=', 1)
    .executeTakeFirst();
  if (!matter) throw notFound('matter');
  const org = await tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', input.orgId).where('status', '=', 'active').executeTakeFirst();
  if (!org) throw notFound('org');
  let caseId: string | null = null;
  if (input.duplicateOf) {
    const original = await tx.selectFrom('complaint').select(['id', 'case_id']).where('tenant_id', '=', ctx.tenantId).where('id', '=', input.duplicateOf).executeTakeFirst();
    if (!original) throw notFound('complaint');
    caseId = original.case_id ?? original.id;
    if (!original.case_id) await tx.updateTable('complaint').set({ case_id: caseId }).where('tenant_id', '=', ctx.tenantId).where('id', '=', original.id).execute();
  }
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  const year = Number(today(ctx.deps.clock).slice(0, 4));
  const seq = await nextSequence(tx, ctx.tenantId, 'complaint', year);
  const code = registerCode('TS', year, seq, 6);
  await tx
    .insertInto('complaint')
    .values({
      tenant_id: ctx.tenantId, id, code, year, seq, channel: input.channel, category_id: matter.category_id,
      matter_id: matter.id, org_id: input.orgId, responsible_org_id: null, status: 'submitted', content_enc: seal(ctx, 'content', id, input.content)!,
      happened_on: input.happenedOn ?? null, anonymous: input.anonymous ? 1 : 0, reporter_name_enc: seal(ctx, 'reporter_name', id, input.name),
      reporter_mobile_enc: seal(ctx, 'reporter_mobile', id, input.mobile), referral_source: input.referralSource ?? '', receipt_hash: receiptHash,
      case_id: caseId, answer_enc: null, rejection_reason_enc: null, submitted_at: at, assigned_at: null, dispatched_at: null, accepted_at: null,
      answered_at: null, rated_at: null, closed_at: null, rejected_at: null, due_date: null, extensions: 0, redos: 0, dissatisfied: 0,
      intake_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, updated_at: at,
    })
    .execute();
  for (const f of files) {
    f.row.owner_type = 'complaint';
    f.row.owner_id = id;
    await recordAttachment(tx, f);
  }
  await tx
    .insertInto('complaint_event')
    .values({ tenant_id: ctx.tenantId, id: newId(), complaint_id: id, at, actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null, kind: 'submitted', note_enc: null, visibility: 'public' })
    .execute();
  return { id, code, submittedAt: at };
}
