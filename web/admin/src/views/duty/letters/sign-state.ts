import type { DutyLetter, DutyLetterSummary } from '../../../api/duty-letters';

/**
 * What the signing button shows for the caller on one letter:
 * sign — the caller is a party who has not signed and the server offers `sign`;
 * signed — the caller's own signature is on it; waiting — a party whose signature the server does not take
 * now (e.g. superseded); none — the caller is not a party.
 */
export type SignState = 'sign' | 'signed' | 'waiting' | 'none';

export function signState(letter: Pick<DutyLetter, 'parties' | 'actions'>): SignState {
  const mine = letter.parties.find((p) => p.mine);
  if (!mine) return 'none';
  if (mine.signedAt) return 'signed';
  return letter.actions.includes('sign') ? 'sign' : 'waiting';
}

/** For lists, which carry no actions: whether the caller's own signature is still missing. */
export function awaitsMySignature(letter: Pick<DutyLetterSummary, 'parties' | 'status' | 'supersededBy'>): boolean {
  return letter.status !== 'signed' && !letter.supersededBy && letter.parties.some((p) => p.mine && !p.signedAt);
}

/** 签订率 as a whole percentage for display (the board answers 0–1). */
export function ratePercent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}
