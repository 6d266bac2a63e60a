import { t, type Locale } from '../../../platform/i18n/i18n.js';

/** How the matter ended, as a named reporter is told it: never the form, the measure or who was involved. */
export type LetterOutcome = 'handled' | 'not_substantiated' | 'transferred';
export type AcceptanceVariant = 'accepted' | 'not_accepted' | 'pending';

export type LetterFacts =
  | { kind: 'acceptance'; variant: AcceptanceVariant; receivedOn: string; unit: string; date: string }
  | { kind: 'result'; outcome: LetterOutcome; receivedOn: string; closedOn: string; unit: string; date: string };

function longDate(locale: Locale, iso: string): string {
  const [y = '', mm = '', dd = ''] = iso.split('-');
  return t(locale, 'clue-letters.date', { y, mm, dd, m: Number(mm), d: Number(dd) });
}

/**
 * The text a named reporter receives (letter, SMS or portal message). It carries only what the reporter
 * already knows (the day they wrote) and the stage reached, signed with the unit's name: no disciplinary
 * body, no clue number, no names of handlers or of the person reported. The templates are locale text.
 */
export function renderNoticeLetter(locale: Locale, f: LetterFacts): { title: string; body: string } {
  const receivedOn = longDate(locale, f.receivedOn);
  const body =
    f.kind === 'acceptance'
      ? t(locale, `clue-letters.acceptance.${f.variant}`, { receivedOn })
      : t(locale, 'clue-letters.result.body', { receivedOn, closedOn: longDate(locale, f.closedOn), result: t(locale, `clue-letters.result.outcomes.${f.outcome}`) });
  const signature = t(locale, 'clue-letters.signature', { unit: f.unit, date: longDate(locale, f.date) });
  return { title: t(locale, `clue-letters.${f.kind}.title`), body: `${body}\n\n${signature}` };
}
