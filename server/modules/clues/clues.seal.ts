import type { Ctx } from '../../platform/context.js';

/** AAD of a sealed clue field: a ciphertext moved to another field or clue no longer opens. */
export const clueAad = (field: string, id: string) => `clue:${field}:${id}`;

export function sealClue(ctx: Ctx, field: string, id: string, value: string | null | undefined): string | null {
  return value ? ctx.deps.crypto.encrypt(ctx.tenantId, value, clueAad(field, id)) : null;
}

export function unsealClue(ctx: Ctx, field: string, id: string, envelope: string | null): string | null {
  return envelope ? ctx.deps.crypto.decrypt(ctx.tenantId, envelope, clueAad(field, id)) : null;
}

const pseudonymKeys = new WeakMap<object, Buffer>();

/**
 * What the audit log names a clue by: HMAC-SM3 of its id under a derived key. The audit administrator sees
 * that a confidential action happened, by whom and when, but cannot tell which clue, or link it to a code.
 */
export function auditPseudonym(ctx: Ctx, clueId: string): string {
  let key = pseudonymKeys.get(ctx.deps.keys);
  if (!key) {
    key = ctx.deps.keys.derive('clue audit pseudonym');
    pseudonymKeys.set(ctx.deps.keys, key);
  }
  return ctx.deps.crypto.hmacSm3(key, `${ctx.tenantId}:${clueId}`).toString('hex');
}
