import type { CryptoPort } from '../../platform/crypto/crypto.port.js';

export interface LetterText {
  title: string;
  preamble: string;
  duties: string[];
  closing: string;
}

interface ContentParty {
  seq: number;
  label: string;
  personId: string;
  name: string;
  orgName: string;
}

interface LetterContent extends LetterText {
  code: string;
  year: number;
  level: string;
  orgId: string;
  parties: ContentParty[];
}

/** `{year}` and `{org}` in a template's text become the letter's year and org name. */
export function fillTemplate(text: LetterText, year: number, orgName: string): LetterText {
  const fill = (s: string) => s.replaceAll('{year}', String(year)).replaceAll('{org}', orgName);
  return { title: fill(text.title), preamble: fill(text.preamble), duties: text.duties.map(fill), closing: fill(text.closing) };
}

/**
 * The canonical form every party signs (through its hash): keys in a fixed order, parties in block order.
 * The org is named by id, so renaming an org later leaves the hash of its letters intact.
 */
function canonicalContent(c: LetterContent): string {
  return JSON.stringify({
    v: 1,
    code: c.code,
    year: c.year,
    level: c.level,
    orgId: c.orgId,
    title: c.title,
    preamble: c.preamble,
    duties: c.duties,
    closing: c.closing,
    parties: [...c.parties].sort((a, b) => a.seq - b.seq).map((p) => ({ seq: p.seq, label: p.label, personId: p.personId, name: p.name, orgName: p.orgName })),
  });
}

export function contentHash(crypto: Pick<CryptoPort, 'sm3'>, c: LetterContent): string {
  return crypto.sm3(canonicalContent(c));
}

/** What a party's SM2 signature covers: the letter, its content hash and the moment of signing. */
export function signMessage(tenantId: string, letterId: string, hash: string, signedAt: string): string {
  return `qingfeng-duty-letter|${tenantId}|${letterId}|${hash}|${signedAt}`;
}

/** One current letter per org, year and set of parties, whatever order the parties sign in. */
export function partyKey(personIds: readonly string[]): string {
  return [...personIds].sort().join(',');
}
