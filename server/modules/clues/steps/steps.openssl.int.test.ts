import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context.js';
import { createWorld, type FixtureUser, type World } from '../../../test/world.js';
import { opensslVerify, type SignatureExport } from '../../../test/openssl.js';
import { appendAs, bareClue, listOn, userCtx } from './steps.fixture.js';

/**
 * What the signature export promises: anyone can check a step away from this system with the OpenSSL 3
 * command line, GB/T 32918 with the default user id (see platform/crypto/sm2-openssl.test.ts).
 */
let w: World;
let dir: string;
let clue: string;
beforeAll(async () => {
  w = await createWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-clue-step-'));
  clue = await bareClue(w);
  await listOn(w, clue, 'discipline', 'owner');
  await listOn(w, clue, 'secretary', 'approver');
  await appendAs(await userCtx(w, 'discipline'), clue, [['registered', { source: 'visit' }], ['proposed', { method: 'preliminary_check' }]]);
  await appendAs(await userCtx(w, 'secretary'), clue, [['approved', { approve: true }]]);
  await appendAs(systemCtx(w.deps, w.tenantId), clue, [['reviewed', {}]]);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await w.close();
});

async function exported(seq: number, as: FixtureUser = 'discipline'): Promise<SignatureExport> {
  const res = await w.as(as).get(`/api/clues/${clue}/steps/${seq}/signature`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SignatureExport;
}

describe('openssl verifies exported step signatures', () => {
  it('for each handler’s steps and the system’s', async () => {
    for (const seq of [1, 2, 3, 4]) {
      const e = await exported(seq);
      const r = opensslVerify(dir, e);
      expect(r.ok, `step ${seq}: ${r.out}`).toBe(true);
    }
  });

  it('under the signer’s own key: the handler, the approver, the audit key', async () => {
    const keys = await Promise.all([1, 3, 4].map(async (seq) => (await exported(seq)).publicKeyPem));
    expect(new Set(keys).size).toBe(3);
    const audit = spawnSync('openssl', ['pkey', '-pubin', '-noout', '-text'], { input: keys[2] }).stdout.toString();
    expect(audit.replace(/[\s:]/g, '')).toContain(w.deps.keys.auditKey.publicKey);
  });

  it('and refuses another message, another step’s key, or a changed signature', async () => {
    const e = await exported(2);
    expect(opensslVerify(dir, e, e.message.replace(/\|2\|/, '|3|')).ok).toBe(false);
    expect(opensslVerify(dir, { ...e, publicKeyPem: (await exported(3)).publicKeyPem }).ok).toBe(false);
    const der = Buffer.from(e.signature, 'base64');
    der.writeUInt8(der.readUInt8(der.length - 1) ^ 1, der.length - 1);
    expect(opensslVerify(dir, { ...e, signature: der.toString('base64') }).ok).toBe(false);
  });

  it('hands the same export to every reader on the list', async () => {
    expect(await exported(3, 'secretary')).toEqual(await exported(3, 'discipline'));
  });
});
