import { rectificationStatuses, type RectificationStatus } from '../../../contracts/rectification.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx, Db, Tx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { AppError } from '../../platform/http/errors.js';
import type { ItemRow } from './rectification.repo.js';

export interface ItemFacts {
  item: Pick<ItemRow, 'org_id' | 'owner_person_id' | 'status'>;
  measureOwners: string[];
}

export type RectificationAction =
  | 'edit' | 'add_measure' | 'start' | 'work' | 'submit' | 'verify' | 'request_extension' | 'approve_extension' | 'reopen';

interface Capabilities {
  owner: boolean;
  manage: boolean;
  verify: boolean;
  approve: boolean;
}

export function isOwner(ctx: Ctx, f: ItemFacts): boolean {
  const me = ctx.actor.kind === 'user' ? ctx.actor.personId : null;
  return !!me && (f.item.owner_person_id === me || f.measureOwners.includes(me));
}

const holds = (db: Db | Tx, ctx: Ctx, permission: Permission, orgId: string) => orgInScope(db, ctx.tenantId, scopeOf(ctx.actor, permission), orgId);

/**
 * Verification, 销号 and approving an extension need the permission in the item's org AND a person
 * other than the item's owner and the owners of its measures: nobody signs off their own work.
 */
async function capabilities(db: Db | Tx, ctx: Ctx, f: ItemFacts): Promise<Capabilities> {
  const owner = isOwner(ctx, f);
  return {
    owner,
    manage: await holds(db, ctx, 'rectification:manage', f.item.org_id),
    verify: !owner && (await holds(db, ctx, 'rectification:verify', f.item.org_id)),
    approve: !owner && (await holds(db, ctx, 'rectification:approve_extension', f.item.org_id)),
  };
}

function actionsFor(c: Capabilities, s: RectificationStatus): RectificationAction[] {
  const open = s === 'pending' || s === 'in_progress';
  const out: RectificationAction[] = [];
  if (c.manage && s !== 'closed') out.push('edit', 'add_measure');
  if ((c.owner || c.manage) && s === 'pending') out.push('start');
  if ((c.owner || c.manage) && open) out.push('work', 'submit', 'request_extension');
  if (c.verify && s === 'awaiting_verification') out.push('verify');
  if (c.approve && s !== 'closed') out.push('approve_extension');
  if (c.verify && s === 'closed') out.push('reopen');
  return out;
}

export async function allowedActions(db: Db | Tx, ctx: Ctx, f: ItemFacts): Promise<RectificationAction[]> {
  return actionsFor(await capabilities(db, ctx, f), f.item.status);
}

/** Refuses with FORBIDDEN when the caller could never do this, with STATE_INVALID when only the state is wrong. */
export async function authorizeAction(db: Db | Tx, ctx: Ctx, f: ItemFacts, action: RectificationAction): Promise<void> {
  const caps = await capabilities(db, ctx, f);
  if (actionsFor(caps, f.item.status).includes(action)) return;
  const ever = rectificationStatuses.some((s) => actionsFor(caps, s).includes(action));
  throw new AppError(ever ? 'STATE_INVALID' : 'FORBIDDEN', { action, state: f.item.status });
}
