import type { DutyLetter, DutyLetterSignatureExport, SignDutyLetter } from '../../../contracts/duty-letters.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import type { Ctx } from '../../platform/context.js';
import { sm2PublicKeyPem } from '../../platform/crypto/sm2-der.js';
import { transact } from '../../platform/db/transact.js';
import { forbidden, invalidState, notFound } from '../../platform/http/errors.js';
import { signerFor } from '../../platform/signing/sign.js';
import { signMessage } from './duty-letters.content.js';
import { myPersonId } from './duty-letters.policy.js';
import * as repo from './duty-letters.repo.js';
import { getLetter, loadLetter, lockLetter } from './duty-letters.service.js';

/**
 * The caller signs as their party with their own SM2 key, over the content hash they were shown: if the letter
 * changed in between the signature is refused. The last signature makes the letter `signed`, and from then on
 * the database refuses any change to it.
 */
export async function signLetter(ctx: Ctx, id: string, input: SignDutyLetter): Promise<DutyLetter> {
  await transact(ctx, async (tx) => {
    const { letter, parties } = await lockLetter(tx, ctx, id);
    const me = myPersonId(ctx);
    const party = parties.find((p) => p.person_id === me);
    if (!party || ctx.actor.kind !== 'user') throw forbidden();
    if (letter.superseded_by) throw invalidState('superseded');
    if (party.signed_at) throw invalidState('signed');
    if (input.contentHash !== letter.content_hash) throw invalidState('content_changed');
    // The signer first: a first signature makes the account's key, which counts only from the moment it is made.
    const signer = await signerFor(tx, ctx);
    const signedAt = nowIso(ctx.deps.clock);
    const signed = signer.sign(signMessage(ctx.tenantId, letter.id, letter.content_hash, signedAt));
    if (!(await repo.signParty(tx, ctx.tenantId, party.id, { signed_at: signedAt, signer_account_id: ctx.actor.userId, signature: signed.signature, public_key: signed.publicKey }))) {
      throw invalidState('signed');
    }
    const all = parties.every((p) => p.id === party.id || p.signed_at);
    await repo.updateLetter(tx, ctx.tenantId, letter.id, { status: all ? 'signed' : 'signing', signed_at: all ? signedAt : null, updated_at: signedAt });
    await writeAudit(tx, ctx, { action: 'duty_letter.sign', objectType: 'duty_letter', objectId: letter.id, details: { partyId: party.id, complete: all } });
  });
  return getLetter(ctx, id);
}

/** One party's signature in the shape `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678` takes. */
export async function exportSignature(ctx: Ctx, id: string, partyId: string): Promise<DutyLetterSignatureExport> {
  const { letter, parties } = await loadLetter(ctx.deps.db, ctx, id);
  const party = parties.find((p) => p.id === partyId);
  if (!party?.signed_at || !party.signature || !party.public_key) throw notFound('signature');
  return {
    message: signMessage(ctx.tenantId, letter.id, letter.content_hash, party.signed_at),
    signature: Buffer.from(party.signature, 'hex').toString('base64'),
    publicKeyPem: sm2PublicKeyPem(party.public_key),
  };
}
