import { Type, type Static, type TSchema } from 'typebox';
import { ClueMeasureCatalogue, defaultClueMeasures } from './clue-measures.js';
import { GradeRules, PayCoefficients, defaultGradeRules, defaultPayCoefficients } from './assessment.js';

/**
 * Tenant settings with typed defaults. `kind` says which administrator edits them:
 * security policy belongs to the 安全保密管理员, everything else to the 系统管理员.
 * Every number DOMAIN.md calls a default lives here, never as a constant in code.
 */
interface SettingDef<S extends TSchema> {
  kind: 'system' | 'security';
  schema: S;
  default: Static<S>;
}

const def = <S extends TSchema>(kind: 'system' | 'security', schema: S, dflt: Static<S>): SettingDef<S> => ({ kind, schema, default: dflt });
const Int = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });

export const settingDefs = {
  'security.password.minLength': def('security', Int(8, 64), 8),
  'security.password.minClasses': def('security', Int(1, 4), 3),
  'security.password.expiryDays': def('security', Int(0, 3650), 90),
  'security.password.history': def('security', Int(0, 24), 5),
  'security.lockout.maxFailures': def('security', Int(3, 20), 5),
  'security.lockout.minutes': def('security', Int(1, 1440), 30),
  'security.session.idleMinutes': def('security', Int(5, 240), 30),
  'security.session.absoluteHours': def('security', Int(1, 24), 12),
  'security.mfa.required': def('security', Type.Boolean(), true),
  'security.mfa.exemptRoles': def('security', Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), { maxItems: 50 }), ['staff']),
  'system.uploads.maxMegabytes': def('system', Int(1, 100), 20),
  'system.uploads.draftDays': def('system', Int(1, 90), 7),
  'system.notify.digestHour': def('system', Int(0, 23), 8),
  'system.sla.warnWorkingDays': def('system', Int(0, 30), 2),
  'system.rectification.defaultWorkingDays': def('system', Int(1, 365), 20),
  'system.rectification.remindWorkingDays': def('system', Int(0, 30), 3),
  'system.rectification.maxExtensions': def('system', Int(0, 10), 2),
  'system.complaint.assignWorkingDays': def('system', Int(1, 60), 3),
  'system.complaint.answerWorkingDays': def('system', Int(1, 180), 5),
  'system.complaint.dueWorkingDays': def('system', Int(1, 180), 13),
  'system.complaint.maxExtensions': def('system', Int(0, 10), 2),
  'system.complaint.publicStatsMinCell': def('system', Int(1, 100), 5),
  'system.complaint.reporterSessionMinutes': def('system', Int(5, 120), 20),
  'system.complaint.autoCloseDays': def('system', Int(1, 90), 15),
  'system.clue.forwardWorkingDays': def('system', Int(1, 30), 5),
  'system.clue.acceptNoticeWorkingDays': def('system', Int(1, 60), 15),
  'system.clue.resultNoticeWorkingDays': def('system', Int(1, 60), 15),
  'system.clue.replyWorkingDays': def('system', Int(1, 60), 15),
  'system.clue.spotCheckPercent': def('system', Int(1, 100), 15),
  'system.clue.preliminaryCheckWorkingDays': def('system', Int(1, 180), 30),
  'system.clue.identityGrantHours': def('system', Int(1, 168), 24),
  'system.clue.retaliationCheckDays': def('system', Int(1, 365), 90),
  'system.clue.outcomeMeasures': def('system', ClueMeasureCatalogue, defaultClueMeasures),
  'system.assessment.gradeRules': def('system', GradeRules, defaultGradeRules),
  'system.assessment.payCoefficients': def('system', PayCoefficients, defaultPayCoefficients),
  'system.dutyTask.remindWorkingDays': def('system', Int(0, 30), 3),
  'system.dutyTask.escalateWorkingDays': def('system', Int(0, 60), 5),
} as const;

export type SettingKey = keyof typeof settingDefs;
export type Settings = { [K in SettingKey]: Static<(typeof settingDefs)[K]['schema']> };

export const settingKeys = Object.keys(settingDefs) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(settingKeys.map((k) => [k, structuredClone(settingDefs[k].default)])) as Settings;
}
