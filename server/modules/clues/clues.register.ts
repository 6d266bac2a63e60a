import type { Clue, ClueAccessRole, ClueCategory, ClueReportedLevel, ClueSource, RegisterClue } from '../../../contracts/clues.js';
import { can } from '../../platform/access/scope.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { userId } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { nextSequence, registerCode } from '../../platform/db/sequence.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { personExists } from '../people/people.lookup.js';
import { appendClueStep, digestText } from './steps/steps.append.js';
import { auditClue } from './clues.audit.js';
import { presentClue } from './clues.detail.js';
import { requireClue } from './clues.load.js';
import { accountRecused } from './clues.recusal.js';
import { sealClue } from './clues.seal.js';

export interface NewClue {
  source: ClueSource;
  named: boolean;
  reporter?: { name: string; mobile?: string | null; unit?: string | null } | null;
  reportedPersonId?: string;
  reportedName?: string;
  reportedOrgId: string;
  reportedLevel: ClueReportedLevel;
  category: ClueCategory;
  summary: string;
  content: string;
  receivedOn: string;
  repeatOf?: string;
  complaintId?: string;
  /** The id, when the caller hands it out before registering (a complaint's files move to it first). */
  id?: string;
}

/**
 * Registers one clue inside the caller's transaction (逐件编号登记): sealed fields, the registering account
 * on the list (owner when it may manage clues, else registrar until it hands over), the first signed step.
 * The caller audits.
 */
export async function insertClue(tx: Tx, ctx: Ctx, input: NewClue): Promise<string> {
  if (!!input.reportedPersonId === !!input.reportedName) throw new AppError('VALIDATION_FAILED', { field: 'reportedPersonId' });
  if (input.named !== !!input.reporter?.name) throw new AppError('VALIDATION_FAILED', { field: 'reporter' });
  if (input.receivedOn > today(ctx.deps.clock)) throw new AppError('VALIDATION_FAILED', { field: 'receivedOn' });
  const org = await tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.tenantId).where('id', '=', input.reportedOrgId).where('status', '=', 'active').executeTakeFirst();
  if (!org) throw notFound('org');
  if (input.reportedPersonId && !(await personExists(tx, ctx.tenantId, input.reportedPersonId))) throw notFound('person');
  if (input.repeatOf) await requireClue(tx, ctx, input.repeatOf);
  const me = userId(ctx)!;
  const id = input.id ?? newId();
  const at = nowIso(ctx.deps.clock);
  const year = Number(input.receivedOn.slice(0, 4));
  const seq = await nextSequence(tx, ctx.tenantId, 'clue', year);
  const code = registerCode('XS', year, seq);
  const r = input.reporter;
  await tx.insertInto('clue').values({
    tenant_id: ctx.tenantId, id, code, year, seq, source: input.source, named: input.named ? 1 : 0, category: input.category, status: 'registered',
    received_on: input.receivedOn, registered_at: at, registered_by: me, reported_person_id: input.reportedPersonId ?? null,
    reported_name_enc: sealClue(ctx, 'reported_name', id, input.reportedName), reported_org_id: input.reportedOrgId, reported_level: input.reportedLevel,
    summary_enc: sealClue(ctx, 'summary', id, input.summary), content_enc: sealClue(ctx, 'content', id, input.content),
    reporter_name_enc: sealClue(ctx, 'reporter_name', id, r?.name), reporter_mobile_enc: sealClue(ctx, 'reporter_mobile', id, r?.mobile),
    reporter_unit_enc: sealClue(ctx, 'reporter_unit', id, r?.unit), repeat_of: input.repeatOf ?? null, complaint_id: input.complaintId ?? null,
    scope_decision: null, scope_decided_on: null, scope_decided_by: null, scope_reason_enc: null, forward_recipient: null, forward_ack_due: null,
    forward_ack_on: null, forward_ack_note_enc: null, erased_at: null, method: null, outcome_form: null, outcome_measure: null, closed_on: null,
    acceptance_notice_on: null, result_notice_on: null, disposal_due: null, disposal_due_kind: null, step_count: 0, step_head: null, updated_at: at,
  }).execute();
  // Registering a clue one is recused from would put it in the hands it must be kept from.
  if (await accountRecused(tx, ctx.tenantId, me, { id })) throw new AppError('CLUE_RECUSED');
  const role: ClueAccessRole = can(ctx.actor, 'clue:manage') ? 'owner' : 'registrar';
  await tx.insertInto('clue_access').values({ tenant_id: ctx.tenantId, id: newId(), clue_id: id, account_id: me, role, added_by: me, added_at: at, removed_by: null, removed_at: null }).execute();
  await appendClueStep(tx, ctx, id, input.complaintId ? 'converted_from_complaint' : 'registered', {
    code, source: input.source, named: input.named, category: input.category, reportedLevel: input.reportedLevel, receivedOn: input.receivedOn,
    repeatOf: input.repeatOf ?? null, complaintId: input.complaintId ?? null, role, summarySm3: digestText(ctx, input.summary), contentSm3: digestText(ctx, input.content),
  });
  return id;
}

export async function registerClue(ctx: Ctx, input: RegisterClue): Promise<Clue> {
  return transact(ctx, async (tx) => {
    const id = await insertClue(tx, ctx, input);
    await auditClue(tx, ctx, 'clue.register', id);
    return presentClue(tx, ctx, await requireClue(tx, ctx, id));
  });
}
