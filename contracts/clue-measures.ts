import { Type, type Static } from 'typebox';

/**
 * 四种形态 measures, configurable per form (setting `system.clue.outcomeMeasures`). Built-in codes are
 * labelled by the locale files; a code an administrator adds carries its own `name`. `effectMonths` is the
 * period the measure stays in effect (影响期), 0 where the rules set none.
 */
export const ClueMeasureDef = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
    effectMonths: Type.Integer({ minimum: 0, maximum: 120 }),
    name: Type.Optional(Type.String({ format: 'plain', minLength: 1, maxLength: 30 })),
  },
  { additionalProperties: false },
);
export type ClueMeasureDef = Static<typeof ClueMeasureDef>;

const FormList = Type.Array(ClueMeasureDef, { minItems: 1, maxItems: 40 });
export const ClueMeasureCatalogue = Type.Object({ '1': FormList, '2': FormList, '3': FormList, '4': FormList }, { additionalProperties: false });
export type ClueMeasureCatalogue = Static<typeof ClueMeasureCatalogue>;

const m = (code: string, effectMonths = 0): ClueMeasureDef => ({ code, effectMonths });

/**
 * Defaults from 纪律处分条例 第5条 (2024) and the local first-form catalogue (domain-rules §2.4). Effect periods:
 * 党纪 警告 1 year, 严重警告 1.5 years, 撤销党内职务 2 years (条例 第12条), 留党察看 one or two years;
 * 政务处分 (政务处分法 第8条) 警告 6 months, 记过 12, 记大过 18, 降级/撤职 24.
 */
export const defaultClueMeasures: ClueMeasureCatalogue = {
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
