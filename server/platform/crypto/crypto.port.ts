export interface Sm2KeyPair {
  /** 32-byte private key, hex. */
  privateKey: string;
  /** Uncompressed public key 04||x||y, hex. */
  publicKey: string;
}

/**
 * The one place cryptography happens, so that a certified module (HSM, GM/T 0018 SDF) can replace the
 * software implementation without touching callers.
 */
export interface CryptoPort {
  sm3(data: string | Buffer): string;
  hmacSm3(key: Buffer, data: string | Buffer): Buffer;
  randomBytes(n: number): Buffer;
  /** Uniformly random decimal digits (receipt codes, recovery codes). */
  randomDigits(n: number): string;
  /** SM4 envelope: a fresh data key per call, wrapped by the tenant key; `aad` binds it to its record and field. */
  encrypt(tenantId: string, plaintext: string, aad: string): string;
  decrypt(tenantId: string, envelope: string, aad: string): string;
  /** The same envelope for file contents, as bytes. */
  encryptBytes(tenantId: string, data: Buffer, aad: string): Buffer;
  decryptBytes(tenantId: string, envelope: Buffer, aad: string): Buffer;
  /** Keyed, deterministic index of a normalised value, for exact-match search over encrypted fields. */
  blindIndex(tenantId: string, field: string, value: string): string;
  sm2Generate(): Sm2KeyPair;
  /** GB/T 32918 signature (SM3 with Z value, default user id), DER-encoded hex. */
  sm2Sign(privateKey: string, data: string | Buffer): string;
  sm2Verify(publicKey: string, data: string | Buffer, signature: string): boolean;
  sm2Encrypt(publicKey: string, data: string): string;
  sm2Decrypt(privateKey: string, cipher: string): string;
}
