import type { Clue } from '../../../contracts/clues.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { attachmentsOf } from '../../platform/storage/attachments.service.js';
import { complaintCode } from '../complaints/complaints.handover.js';
import { coreActions } from './clues.actions.js';
import { disposalViewOf } from './clues.disposal-view.js';
import { identityState } from './clues.identity.js';
import { activeEntries, requireClue, type LoadedClue } from './clues.load.js';
import { clockContext, presentSummary, rowClocks } from './clues.present.js';
import { viewerOf } from './clues.recusal.js';
import * as repo from './clues.repo.js';
import { unsealClue } from './clues.seal.js';

/** The whole clue as the caller may see it, with the actions open to them. */
export async function presentClue(db: Db | Tx, ctx: Ctx, c: LoadedClue): Promise<Clue> {
  const row = c.row;
  const v = (await viewerOf(db, ctx))!;
  const [names, entries, originals, repeats, complaint, identity, cc, attachments] = await Promise.all([
    repo.findVisibleClue(db, ctx.tenantId, v, row.id),
    activeEntries(db, ctx.tenantId, [row.id]),
    repo.visibleCodes(db, ctx.tenantId, v, row.repeat_of ? [row.repeat_of] : []),
    c.restricted ? [] : repo.repeatsOf(db, ctx.tenantId, v, row.id),
    row.complaint_id && !c.restricted ? complaintCode(db, ctx.tenantId, row.complaint_id) : null,
    identityState(db, ctx, c),
    clockContext(db, ctx),
    c.restricted ? [] : attachmentsOf(db, ctx, 'clue', row.id),
  ]);
  const view = disposalViewOf();
  const part = view && !c.restricted ? await view(db, ctx, c) : null;
  const clocks = part?.clocks ?? rowClocks(cc, row);
  const owner = entries.find((e) => e.role === 'owner');
  const summary = presentSummary(ctx, cc, row, {
    role: c.role,
    restricted: c.restricted,
    owner: owner ? { id: owner.account_id, name: owner.display_name } : null,
    personName: names?.person_name ?? null,
    orgName: names?.org_name ?? '',
    repeatOfCode: row.repeat_of ? (originals.get(row.repeat_of) ?? null) : null,
  }, clocks);
  const hidden = c.restricted || !!row.erased_at;
  const decider = row.scope_decided_by ? entries.find((e) => e.account_id === row.scope_decided_by)?.display_name : undefined;
  return {
    ...summary,
    content: hidden ? null : unsealClue(ctx, 'content', row.id, row.content_enc),
    reportedPerson: !hidden && row.reported_person_id ? { id: row.reported_person_id, name: names?.person_name ?? '' } : null,
    repeats,
    complaint: row.complaint_id && complaint ? { id: row.complaint_id, code: complaint } : null,
    scope: row.scope_decision && row.scope_decided_on
      ? {
          decision: row.scope_decision,
          decidedOn: row.scope_decided_on,
          decidedBy: row.scope_decided_by ? { id: row.scope_decided_by, name: decider ?? '' } : null,
          reason: hidden ? null : unsealClue(ctx, 'scope_reason', row.id, row.scope_reason_enc),
          recipient: row.forward_recipient,
          ackDue: row.forward_ack_due,
          acknowledgedOn: row.forward_ack_on,
          ackNote: hidden ? null : unsealClue(ctx, 'forward_ack_note', row.id, row.forward_ack_note_enc),
        }
      : null,
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, createdAt: a.createdAt })),
    identity: identity.view,
    clocks,
    stepCount: row.step_count,
    disposal: part?.disposal ?? null,
    actions: [...coreActions(ctx, c, { liveGrant: !!identity.grant, pendingRequest: identity.pendingRequest }), ...(part?.actions ?? [])],
  };
}

export async function getClue(ctx: Ctx, id: string): Promise<Clue> {
  const db = ctx.deps.db;
  return presentClue(db, ctx, await requireClue(db, ctx, id));
}
