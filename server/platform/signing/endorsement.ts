/** What the audit key signs to vouch that a public key belongs to an account from a moment on. */
export function endorsementMessage(tenantId: string, accountId: string, publicKey: string, createdAt: string): string {
  return `qingfeng-signing-key|${tenantId}|${accountId}|${publicKey.toLowerCase()}|${createdAt}`;
}
