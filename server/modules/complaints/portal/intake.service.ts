import type { Static } from 'typebox';
import type { Receipt } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { transact } from '../../../platform/db/transact.js';
import { refuseSpentCaptcha, spendCaptcha } from '../../../platform/http/captcha.js';
import { prepareAttachment, type PreparedAttachment } from '../../../platform/storage/attachments.service.js';
import { createComplaint } from '../complaints.create.js';
import { newReceiptCode, receiptHash } from '../complaints.receipt.js';
import { gatedHash } from './hash-gate.js';
import type { ComplaintForm } from './intake-form.js';

/**
 * 监督一点通 intake. The slow receipt hash runs before the transaction (in argon2's thread pool, not on
 * the event loop, and never while holding the write lock); the encrypted files are written and fsynced
 * before it too, and removed again if it fails. One transaction, one commit, then holds the captcha's
 * single use, the complaint, its files, its first timeline entry, one audit event and, with an
 * Idempotency-Key, the encrypted receipt for a retry. A refused complaint leaves its captcha unused.
 * Nothing about the client is kept: the public actor has no address, and the audit event names only the
 * complaint's register code.
 */
export async function fileComplaint(ctx: Ctx, form: ComplaintForm): Promise<Static<typeof Receipt>> {
  await refuseSpentCaptcha(ctx.deps, form.captcha);
  const { captcha: _captcha, ...input } = form.data;
  const receiptCode = newReceiptCode(ctx.deps);
  const hash = await gatedHash(() => receiptHash(ctx.deps, ctx.tenantId, receiptCode));
  const files: PreparedAttachment[] = [];
  try {
    for (const f of form.files) files.push(await prepareAttachment(ctx, { name: f.name, data: f.data, ownerType: 'complaint', ownerId: null, encrypt: true }));
    return await transact(ctx, async (tx) => {
      await spendCaptcha(tx, form.captcha);
      const created = await createComplaint(tx, ctx, { channel: 'portal', ...input }, hash, files);
      await writeAudit(tx, ctx, { action: 'complaint.portal_submit', objectType: 'complaint', objectId: created.id, details: { code: created.code, files: files.length } });
      return { code: created.code, receiptCode, submittedAt: created.submittedAt };
    });
  } catch (e) {
    await Promise.all(files.map((f) => f.discard()));
    throw e;
  }
}
