/** One measure of a 形态: a code, its 影响期 in months (0 where the rules set none), a name for one an administrator added. */
export interface MeasureDef {
  code: string;
  effectMonths: number;
  name?: string;
}

export type MeasureForm = '1' | '2' | '3' | '4';
export type MeasureCatalogue = Record<MeasureForm, MeasureDef[]>;

const m = (code: string, effectMonths = 0): MeasureDef => ({ code, effectMonths });

/**
 * The built-in catalogue of contracts/clue-measures.ts, written out so that TypeBox stays out of the bundle;
 * a test holds the two equal.
 */
export const defaultMeasures: MeasureCatalogue = {
  '1': [
    m('talk_reminder'), m('criticism_education'), m('self_examination'), m('admonition'), m('warning_talk'), m('order_stop'),
    m('return_gains'), m('rectify_in_time'), m('life_meeting_help'), m('public_apology'), m('circulated_criticism'), m('other'),
  ],
  '2': [
    m('party_warning', 12), m('party_serious_warning', 18), m('gov_warning', 6), m('gov_demerit', 12), m('gov_major_demerit', 18),
    m('suspension_suggested'), m('post_adjustment'), m('ordered_resignation'), m('removal_from_post'),
  ],
  '3': [
    m('party_post_revoked', 24), m('probation_one_year', 12), m('probation_two_years', 24), m('expulsion'), m('demotion_suggested'),
    m('gov_demotion', 24), m('gov_dismissal', 24), m('gov_discharge'),
  ],
  '4': [m('criminal_referral'), m('expulsion_and_referral')],
};

/** The measures a 形态 allows; none until a form is chosen. */
export function measuresFor(catalogue: MeasureCatalogue, form: number | null): MeasureDef[] {
  return form && form >= 1 && form <= 4 ? catalogue[String(form) as MeasureForm] : [];
}

/** A built-in code reads from the locale; an added one carries its own name; an unknown code shows as is. */
export function measureLabel(code: string, catalogue: MeasureCatalogue, t: (k: string) => string, te: (k: string) => boolean): string {
  const key = `clue-detail.measures.${code}`;
  if (te(key)) return t(key);
  return Object.values(catalogue).flat().find((d) => d.code === code)?.name ?? code;
}
