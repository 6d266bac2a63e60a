import type { DutyLetter, DutyLetterSummary, DutyLetterTemplate } from '../../../contracts/duty-letters.js';
import type { Deps } from '../../platform/context.js';
import type { SignerKeys } from '../../platform/signing/signer-keys.js';
import { contentHash, signMessage } from './duty-letters.content.js';
import type { LetterListRow, PartyRow, TemplateRow } from './duty-letters.repo.js';

export function presentTemplate(r: TemplateRow & { letter_count: number | string | null }): DutyLetterTemplate {
  return {
    id: r.id,
    name: r.name,
    level: r.level,
    title: r.title,
    preamble: r.preamble,
    duties: JSON.parse(r.duties) as string[],
    closing: r.closing,
    signatureLabels: JSON.parse(r.signature_labels) as string[],
    letterCount: Number(r.letter_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentSummary(r: LetterListRow, parties: PartyRow[], myPersonId: string | null): DutyLetterSummary {
  const mine = parties.filter((p) => p.letter_id === r.id);
  return {
    id: r.id,
    code: r.code,
    year: r.year,
    level: r.level,
    org: { id: r.org_id, name: r.org_name },
    title: r.title,
    status: r.status,
    parties: mine.map((p) => ({
      id: p.id,
      seq: p.seq,
      label: p.label,
      person: { id: p.person_id, name: p.person_name },
      orgName: p.org_name,
      signedAt: p.signed_at,
      mine: myPersonId !== null && p.person_id === myPersonId,
    })),
    signedCount: mine.filter((p) => p.signed_at).length,
    partyCount: mine.length,
    revisionOf: r.revision_of,
    supersededBy: r.superseded_by,
    issuedAt: r.issued_at,
    signedAt: r.signed_at,
  };
}

/** The letter's content as stored, hashed again: a row changed past the triggers no longer matches. */
function recomputedHash(deps: Pick<Deps, 'crypto'>, r: LetterListRow, parties: PartyRow[]): string {
  return contentHash(deps.crypto, {
    code: r.code,
    year: r.year,
    level: r.level,
    orgId: r.org_id,
    title: r.title,
    preamble: r.preamble,
    duties: JSON.parse(r.duties) as string[],
    closing: r.closing,
    parties: parties.map((p) => ({ seq: p.seq, label: p.label, personId: p.person_id, name: p.person_name, orgName: p.org_name })),
  });
}

export function presentLetter(
  deps: Pick<Deps, 'crypto'>,
  tenantId: string,
  r: LetterListRow & { template_name: string },
  parties: PartyRow[],
  keys: SignerKeys,
  myPersonId: string | null,
  actions: DutyLetter['actions'],
): DutyLetter {
  const hashOk = recomputedHash(deps, r, parties) === r.content_hash;
  return {
    ...presentSummary(r, parties, myPersonId),
    template: { id: r.template_id, name: r.template_name },
    preamble: r.preamble,
    duties: JSON.parse(r.duties) as string[],
    closing: r.closing,
    contentHash: r.content_hash,
    signatures: parties
      .filter((p): p is PartyRow & { signed_at: string; signature: string; public_key: string } => !!(p.signed_at && p.signature && p.public_key))
      .map((p) => ({
        partyId: p.id,
        signedAt: p.signed_at,
        publicKey: p.public_key,
        valid:
          hashOk &&
          keys.held(p.signer_account_id, p.public_key, p.signed_at) &&
          deps.crypto.sm2Verify(p.public_key, signMessage(tenantId, r.id, r.content_hash, p.signed_at), p.signature),
      })),
    revisionReason: r.revision_reason,
    actions,
  };
}
