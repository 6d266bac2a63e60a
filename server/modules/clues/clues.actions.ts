import type { ClueAction } from '../../../contracts/clues.js';
import type { Permission } from '../../../contracts/permissions.js';
import { can } from '../../platform/access/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { LoadedClue } from './clues.load.js';

export interface IdentityFacts {
  liveGrant: boolean;
  pendingRequest: boolean;
}

/** Whether the clue still holds a reporter identity anyone could be granted. */
export const identityAvailable = (c: LoadedClue) => c.row.named === 1 && !c.row.erased_at && !!c.row.reporter_name_enc;

/** The core actions (register, scope, access, identity, referral) open to the caller now; disposal adds its own. */
export function coreActions(ctx: Ctx, c: LoadedClue, id: IdentityFacts): ClueAction[] {
  const has = (p: Permission) => can(ctx.actor, p);
  const runs = c.roles.includes('owner') || c.roles.includes('handler');
  const owner = c.roles.includes('owner');
  const erased = !!c.row.erased_at;
  const out: ClueAction[] = [];
  const add = (a: ClueAction, ok: boolean) => ok && out.push(a);
  add('scope', owner && has('clue:manage') && c.row.status === 'registered');
  add('forward_ack', runs && has('clue:manage') && c.row.status === 'forwarded_down' && !c.row.forward_ack_on);
  add('attach', !erased && (runs || (c.role === 'registrar' && !c.restricted)));
  add('manage_access', (owner && has('clue:manage')) || (c.role === 'registrar' && !c.hasOwner));
  add('request_identity', runs && has('clue:manage') && identityAvailable(c) && !id.liveGrant && !id.pendingRequest);
  add('view_identity', runs && has('clue:manage') && identityAvailable(c) && id.liveGrant);
  add('referral', runs && has('clue:manage') && !erased);
  return out;
}
