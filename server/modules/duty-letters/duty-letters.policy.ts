import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import type { LetterListRow, PartyRow, Reader } from './duty-letters.repo.js';

export function myPersonId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.personId : null;
}

export function reader(ctx: Ctx): Reader {
  return { tenantId: ctx.tenantId, scope: scopeOf(ctx.actor, 'duty:read'), personId: myPersonId(ctx) };
}

/** A letter exists for those whose duty:read scope holds its org and for its parties; for anyone else it is 404. */
export async function authorizeLetterRead(db: Db | Tx, ctx: Ctx, letter: LetterListRow | undefined, parties: PartyRow[]): Promise<LetterListRow> {
  if (!letter) throw notFound('duty_letter');
  const me = myPersonId(ctx);
  if (me && parties.some((p) => p.person_id === me)) return letter;
  if (await orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, 'duty:read'), letter.org_id)) return letter;
  throw notFound('duty_letter');
}

export async function canManageOrg(db: Db | Tx, ctx: Ctx, orgId: string): Promise<boolean> {
  return orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, 'duty:manage'), orgId);
}

/** Issuing, editing, withdrawing and revising need the letter's org inside the caller's duty:manage scope (403 otherwise). */
export async function authorizeManage(db: Db | Tx, ctx: Ctx, orgId: string): Promise<void> {
  if (!(await canManageOrg(db, ctx, orgId))) throw forbidden();
}
