import { describe, expect, it } from 'vitest';
import { catalogKeys, t, type Locale } from '../../../platform/i18n/i18n.js';
import { renderNoticeLetter, type LetterFacts } from './disposal.letters.js';

/** Names of the disciplinary bodies and of the clue procedure: a reporter's letter must carry none of them. */
const FORBIDDEN = [/纪检/, /纪委/, /纪律检查/, /纪工委/, /监委/, /监察/, /执纪/, /线索/, /处分/, /discipline/i, /supervisory/i, /inspection/i, /CCDI/, /clue/i, /sanction/i];

const letters: LetterFacts[] = [
  ...(['accepted', 'not_accepted', 'pending'] as const).map((variant) => ({ kind: 'acceptance' as const, variant, receivedOn: '2026-09-24', unit: '长江河道管理局', date: '2026-10-09' })),
  ...(['handled', 'not_substantiated', 'transferred'] as const).map((outcome) => ({ kind: 'result' as const, outcome, receivedOn: '2026-09-24', closedOn: '2027-02-03', unit: '长江河道管理局', date: '2027-02-20' })),
];

describe('reporter letter templates', () => {
  it.each(['zh-CN', 'en-US'] as Locale[])('every template string in %s names no disciplinary body', (locale) => {
    const texts = catalogKeys(locale).filter((k) => k.startsWith('clue-letters.')).map((k) => t(locale, k));
    expect(texts.length).toBeGreaterThan(8);
    for (const text of texts) for (const word of FORBIDDEN) expect(text, text).not.toMatch(word);
  });

  it.each(['zh-CN', 'en-US'] as Locale[])('rendered letters in %s fill every slot, carry the unit and dates, and nothing forbidden', (locale) => {
    for (const f of letters) {
      const { title, body } = renderNoticeLetter(locale, f);
      const all = `${title}\n${body}`;
      expect(all).not.toMatch(/[{}]/);
      expect(body).toContain('长江河道管理局');
      for (const word of FORBIDDEN) expect(all).not.toMatch(word);
      expect(body).toContain(locale === 'zh-CN' ? '2026年9月24日' : '2026-09-24');
      if (f.kind === 'result') expect(body).toContain(locale === 'zh-CN' ? '2027年2月3日' : '2027-02-03');
    }
  });

  it('tells the three endings apart', () => {
    const bodies = letters.filter((f) => f.kind === 'result').map((f) => renderNoticeLetter('zh-CN', f).body);
    expect(new Set(bodies).size).toBe(3);
  });
});
