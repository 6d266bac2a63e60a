import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD } from '../../server/seed/demo-plan.js';
import { idCheckDigit } from '../../server/seed/id-number.js';

export { DEMO_PASSWORD };

/** The demo tenant's name as the seed writes it (server/seed/demo-seed.ts). */
export const DEMO_TENANT_NAME = '长江河道管理局';

/** A new password that meets the default policy (8+ characters, 3 classes) and contains no username. */
export const NEW_PASSWORD = 'Qingfeng#2026e2e';

const DIGITS = '零一二三四五六七八九';

/**
 * Specs share one server, so every record a spec creates carries a fresh tag: a Latin one for usernames and
 * codes, and the same number in Chinese numerals for names, which reject nothing a person's name may hold.
 */
export function uniqueTag(): { latin: string; chinese: string } {
  const n = String(randomInt(100_000, 1_000_000));
  return { latin: n, chinese: [...n].map((d) => DIGITS[Number(d)]).join('') };
}

/** A well-formed 18-digit ID number (湖北 region code, given birth date, valid check character). */
export function idNumber(birthDate: string): string {
  const first17 = `420106${birthDate.replaceAll('-', '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export function mobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}
