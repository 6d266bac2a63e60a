import type { Rng } from './prng.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isValidIdNumber(id: string): boolean {
  return /^[1-9][0-9]{16}[0-9X]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** 湖北 districts along the river: the demo bureau's people were born nearby. */
const REGIONS = ['420102', '420103', '420104', '420105', '420106', '420111', '420502', '420503', '421002', '421003', '421087', '421181'];

/** A well-formed 18-digit number: region, birth date, sequence (odd for men, even for women), check. */
export function makeIdNumber(rng: Rng, birthDate: string, gender: 'male' | 'female'): string {
  const seq = rng.int(0, 49) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${rng.pick(REGIONS)}${birthDate.replaceAll('-', '')}${String(rng.int(0, 9))}${String(seq).padStart(2, '0')}`;
  return first17 + idCheckDigit(first17);
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '177', '180', '181', '186', '187', '188', '189', '199'];

export function makeMobile(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}
