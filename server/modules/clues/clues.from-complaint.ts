import type { Clue, ClueSource, ComplaintToClue } from '../../../contracts/clues.js';
import type { ComplaintTable } from '../complaints/complaints.tables.js';
import { can } from '../../platform/access/scope.js';
import { nowIso } from '../../platform/clock/clock.js';
import type { Ctx } from '../../platform/context.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, invalidState } from '../../platform/http/errors.js';
import { t } from '../../platform/i18n/i18n.js';
import { seal, unseal } from '../complaints/complaints.create.js';
import { recordEvent } from '../complaints/complaints.exchange.js';
import { updateComplaint } from '../complaints/complaints.repo.js';
import { loadComplaint } from '../complaints/complaints.service.js';
import { dropReporterView } from '../complaints/reporter-views.js';
import { auditClue } from './clues.audit.js';
import { presentClue } from './clues.detail.js';
import { requireClue } from './clues.load.js';
import { insertClue } from './clues.register.js';

const SOURCE_OF: Record<ComplaintTable['channel'], ClueSource> = {
  portal: 'online_12388',
  phone: 'phone',
  letter: 'letter',
  visit: 'visit',
  referral: 'referral_upper',
};

/**
 * A complaint that turns out to be a clue. Its content, reporter identity and files move to the clue
 * (re-sealed under the clue's AAD); the complaint keeps neither, and is closed with a neutral answer
 * naming no disciplinary body, so its staff and its reporter learn nothing of the clue.
 */
export async function complaintToClue(ctx: Ctx, complaintId: string, input: ComplaintToClue): Promise<Clue> {
  if (!can(ctx.actor, 'clue:register')) throw new AppError('FORBIDDEN');
  const clue = await transact(ctx, async (tx) => {
    const l = await loadComplaint(tx, ctx, complaintId);
    if (!l.caps.supervise) throw new AppError('FORBIDDEN');
    const c = l.row;
    if (c.status === 'closed' || c.status === 'rejected' || c.clue_id) throw invalidState(c.status);
    const id = await insertClue(tx, ctx, {
      source: SOURCE_OF[c.channel],
      named: c.anonymous === 0,
      reporter: c.anonymous === 0 ? { name: unseal(ctx, 'reporter_name', c.id, c.reporter_name_enc) ?? '', mobile: unseal(ctx, 'reporter_mobile', c.id, c.reporter_mobile_enc) } : null,
      reportedPersonId: input.reportedPersonId,
      reportedName: input.reportedName,
      reportedOrgId: input.reportedOrgId,
      reportedLevel: input.reportedLevel,
      category: input.category,
      summary: input.summary,
      content: unseal(ctx, 'content', c.id, c.content_enc) ?? '',
      receivedOn: c.submitted_at.slice(0, 10),
      complaintId: c.id,
    });
    await tx.updateTable('attachment').set({ owner_type: 'clue', owner_id: id }).where('tenant_id', '=', ctx.tenantId).where('owner_type', '=', 'complaint').where('owner_id', '=', c.id).execute();
    const at = nowIso(ctx.deps.clock);
    await updateComplaint(tx, ctx.tenantId, c.id, {
      status: 'closed', clue_id: id, content_enc: seal(ctx, 'content', c.id, t('zh-CN', 'clues.complaintContentMoved'))!, reporter_name_enc: null, reporter_mobile_enc: null,
      answer_enc: seal(ctx, 'answer', c.id, t('zh-CN', 'clues.complaintAnswer')), answered_at: c.answered_at ?? at, closed_at: at, updated_at: at,
    });
    await recordEvent(tx, ctx, c.id, 'closed', 'public', null);
    await auditClue(tx, ctx, 'clue.from_complaint', id);
    return presentClue(tx, ctx, await requireClue(tx, ctx, id));
  });
  dropReporterView(ctx.tenantId, complaintId);
  return clue;
}
