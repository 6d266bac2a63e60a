import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD } from '../../server/seed/demo-plan.js';
import { idCheckDigit } from '../../server/seed/id-number.js';

export { DEMO_PASSWORD };

/** The demo tenant's name as the seed writes it (server/seed/demo-seed.ts). */
export const DEMO_TENANT_NAME = '长江河道管理局';

/** A new password that meets the default policy (8+ characters, 3 classes) and contains no username. */
export const NEW_PASSWORD = 'Qingfeng#2026e2e';

const DIGITS = '零一二三四五六七八九';
/** 100 characters common in given names and never a demo surname: two digits of the tag pick one. */
const GIVEN = '嘉轩浩宇博文思远梓涵雨欣诺晨阳俊杰志明海峰立新建国秀兰桂英玉华丽娟春燕红梅晓东强家乐天佑安琪若溪佳怡静雯婉清逸飞鹏达云龙凯歌振德胜永康宏伟光辉庆丰泽民仁义礼智信诚毅勇恒敏慧颖瑶璐萌蕾芳霞洁琳婷倩丹莉萍';

/**
 * Specs share one server, so every record a spec creates carries a fresh tag: digits for usernames, Chinese
 * numerals for org names, and a three-character given name for people (a demo name is a surname plus one or
 * two characters, so a search for it finds only the spec's own records).
 */
export function uniqueTag(): { latin: string; chinese: string; given: string } {
  const n = String(randomInt(100_000, 1_000_000));
  const given = [0, 2, 4].map((i) => GIVEN[Number(n.slice(i, i + 2))]).join('');
  return { latin: n, chinese: [...n].map((d) => DIGITS[Number(d)]).join(''), given };
}

/** A well-formed 18-digit ID number (湖北 region code, given birth date, valid check character). */
export function idNumber(birthDate: string): string {
  const first17 = `420106${birthDate.replaceAll('-', '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export function mobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}
