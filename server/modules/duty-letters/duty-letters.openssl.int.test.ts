import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyLetter, DutyLetterSignatureExport } from '../../../contracts/duty-letters.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { opensslVerify } from '../../test/openssl.js';
import { getLetter, issueLetter, sign, signedLetter } from './duty-letters.fixture.js';

/**
 * What the signature export promises: each party's signature checks away from this system with the OpenSSL 3
 * command line, GB/T 32918 with the default user id (see platform/crypto/sm2-openssl.test.ts).
 */
let w: World;
let dir: string;
let letter: DutyLetter;
beforeAll(async () => {
  w = await createWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-duty-letter-'));
  letter = await getLetter(w, await signedLetter(w, ['secretary', 'unitOfficer', 'staff']));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await w.close();
});

async function exported(partyId: string, as: FixtureUser = 'orgOfficer', id = letter.id): Promise<DutyLetterSignatureExport> {
  const res = await w.as(as).get(`/api/duty-letters/${id}/parties/${partyId}/signature`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DutyLetterSignatureExport;
}

describe('openssl verifies exported letter signatures', () => {
  it('for every party, each under their own key, over the letter’s content hash and signing time', async () => {
    const keys = new Set<string>();
    for (const p of letter.parties) {
      const e = await exported(p.id);
      expect(e.message).toBe(`qingfeng-duty-letter|${w.tenantId}|${letter.id}|${letter.contentHash}|${p.signedAt}`);
      const r = opensslVerify(dir, e);
      expect(r.ok, `${p.label}: ${r.out}`).toBe(true);
      keys.add(e.publicKeyPem);
    }
    expect(keys.size).toBe(3);
  });

  it('and refuses another content hash, another party’s key, or a changed signature', async () => {
    const [a, b] = [await exported(letter.parties[0]!.id), await exported(letter.parties[1]!.id)];
    expect(opensslVerify(dir, a, a.message.replace(letter.contentHash, letter.contentHash.replace(/^./, (c) => (c === '0' ? '1' : '0')))).ok).toBe(false);
    expect(opensslVerify(dir, { ...a, publicKeyPem: b.publicKeyPem }).ok).toBe(false);
    const der = Buffer.from(a.signature, 'base64');
    der.writeUInt8(der.readUInt8(der.length - 1) ^ 1, der.length - 1);
    expect(opensslVerify(dir, { ...a, signature: der.toString('base64') }).ok).toBe(false);
  });

  it('hands the same export to a party and to a reader in scope, none to others, and nothing before signing', async () => {
    const partyId = letter.parties[2]!.id;
    expect(await exported(partyId, 'staff')).toEqual(await exported(partyId, 'secretary'));
    expect((await w.as('branchSecretary').get(`/api/duty-letters/${letter.id}/parties/${partyId}/signature`)).statusCode).toBe(404);
    const open = await issueLetter(w, ['secretary', 'staff']);
    await sign(w, open, 'staff');
    const unsigned = (await getLetter(w, open)).parties.find((p) => !p.signedAt)!;
    expect((await w.as('orgOfficer').get(`/api/duty-letters/${open}/parties/${unsigned.id}/signature`)).statusCode).toBe(404);
  });
});
