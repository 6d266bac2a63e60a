import type { Ctx } from '../../platform/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { FILE_TYPES } from '../../platform/storage/sniff.js';
import { renderLetterDocx } from './duty-letters.docx.js';
import { getLetter } from './duty-letters.service.js';

export const DOCX_MIME = FILE_TYPES.docx.mime;

/** The archive copy: the letter as stored, with each party's signing date and key. */
export async function letterDocx(ctx: Ctx, id: string, locale: Locale): Promise<{ code: string; body: Buffer }> {
  const letter = await getLetter(ctx, id);
  return { code: letter.code, body: await renderLetterDocx(letter, locale) };
}
