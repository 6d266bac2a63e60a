import type { Clue, ClueSource, ComplaintToClue } from '../../../contracts/clues.js';
import type { HandedOver } from '../complaints/complaints.handover.js';
import { handOverToClue } from '../complaints/complaints.handover.js';
import { dropReporterView } from '../complaints/reporter-views.js';
import { can } from '../../platform/access/scope.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError } from '../../platform/http/errors.js';
import { auditClue } from './clues.audit.js';
import { presentClue } from './clues.detail.js';
import { requireClue } from './clues.load.js';
import { insertClue } from './clues.register.js';

const SOURCE_OF: Record<HandedOver['channel'], ClueSource> = {
  portal: 'online_12388',
  phone: 'phone',
  letter: 'letter',
  visit: 'visit',
  referral: 'referral_upper',
};

/**
 * A complaint that turns out to be a clue: the complaints service hands over its content, reporter and
 * files (re-sealed here under the clue's AAD) and closes it neutrally; the clue is registered from them.
 */
export async function complaintToClue(ctx: Ctx, complaintId: string, input: ComplaintToClue): Promise<Clue> {
  if (!can(ctx.actor, 'clue:register')) throw new AppError('FORBIDDEN');
  const clue = await transact(ctx, async (tx) => {
    const id = newId();
    const from = await handOverToClue(tx, ctx, complaintId, id);
    await insertClue(tx, ctx, {
      id,
      source: SOURCE_OF[from.channel],
      named: from.reporter !== null,
      reporter: from.reporter,
      reportedPersonId: input.reportedPersonId,
      reportedName: input.reportedName,
      reportedOrgId: input.reportedOrgId,
      reportedLevel: input.reportedLevel,
      category: input.category,
      summary: input.summary,
      content: from.content,
      receivedOn: from.submittedAt.slice(0, 10),
      complaintId,
    });
    await auditClue(tx, ctx, 'clue.from_complaint', id);
    return presentClue(tx, ctx, await requireClue(tx, ctx, id));
  });
  dropReporterView(ctx.tenantId, complaintId);
  return clue;
}
