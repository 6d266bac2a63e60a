/**
 * One SM2 key pair per account, made the first time the account signs. The private half is sealed with the
 * tenant key; the public half is endorsed by the audit key, so a key someone adds to the table directly
 * (without the audit key, which lives outside the database) is not taken as the account's.
 */
export interface SigningKeyTable {
  tenant_id: string;
  id: string;
  account_id: string;
  /** Uncompressed point 04||x||y, hex. */
  public_key: string;
  /** SM4 envelope of the 32-byte private key (hex), AAD `signing_key:<accountId>`. */
  private_key_enc: string;
  /** Audit-key SM2 signature (DER hex) over `endorsementMessage(...)`. */
  endorsement: string;
  created_at: string;
  /** A revoked key signs nothing more; what it signed before stays valid. */
  revoked_at: string | null;
}

export interface SigningTables {
  signing_key: SigningKeyTable;
}
