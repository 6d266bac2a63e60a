import { describe, expect, it } from 'vitest';
import { opensslCommand, signatureFile, signatureFileName, signatureParts } from './sm2-signature';

const sig = { message: '第 3 步\n{"kind":"identity_viewed"}', signature: 'MEUCIQD/AAE=', publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n' };

describe('SM2 signature export', () => {
  it('saves the DER signature as its raw bytes and the message byte for byte', async () => {
    expect([...new Uint8Array(await signatureFile(sig, 'signature').arrayBuffer())]).toEqual([0x30, 0x45, 0x02, 0x21, 0x00, 0xff, 0x00, 0x01]);
    expect(await signatureFile(sig, 'message').text()).toBe(sig.message);
    expect(await signatureFile(sig, 'publicKey').text()).toBe(sig.publicKeyPem);
  });

  it('prints an openssl command over exactly the files it saves', () => {
    const words = opensslCommand('ZRS-2026-0001').split(' ');
    for (const p of signatureParts) expect(words).toContain(signatureFileName('ZRS-2026-0001', p));
    expect(words.slice(words.indexOf('-sigfile'), words.indexOf('-sigfile') + 2)).toEqual(['-sigfile', 'ZRS-2026-0001-signature.der']);
  });
});
