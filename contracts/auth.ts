import { Type, type Static } from 'typebox';
import { Body, Id } from './common.js';
import { Permission } from './permissions-schema.js';

export const Login = Body({
  username: Type.String({ minLength: 1, maxLength: 64, format: 'plain' }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});
export type Login = Static<typeof Login>;

/** What the signed-in user still owes before the session is complete. */
export const Obligations = Type.Object({
  mfa: Type.Union([Type.Literal('verify'), Type.Literal('enrol'), Type.Null()]),
  passwordChange: Type.Boolean(),
});

export const Me = Type.Object({
  userId: Id,
  username: Type.String(),
  displayName: Type.String(),
  personId: Type.Union([Id, Type.Null()]),
  accountKind: Type.Union([Type.Literal('business'), Type.Literal('system'), Type.Literal('security'), Type.Literal('audit')]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Permission),
  locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]),
  mfaEnrolled: Type.Boolean(),
  obligations: Obligations,
  tenant: Type.Object({ name: Type.String(), isDemo: Type.Boolean() }),
});
export type Me = Static<typeof Me>;

export const MfaCode = Body({
  code: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  recoveryCode: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$' })),
});
export type MfaCode = Static<typeof MfaCode>;

export const MfaEnrolment = Type.Object({
  secret: Type.String(),
  otpauthUri: Type.String(),
  /** PNG data URL of the QR code for authenticator apps. */
  qrDataUrl: Type.String(),
});

export const MfaEnrolConfirm = Body({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

/** Shown once; only their keyed hashes are stored. */
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const ChangePassword = Body({
  currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
  newPassword: Type.String({ minLength: 1, maxLength: 128 }),
});
export type ChangePassword = Static<typeof ChangePassword>;

/** First administrator from the one-time set-up token printed at first start. */
export const SetupAdmin = Body({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }),
  username: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$' }),
  displayName: Type.String({ format: 'plain', minLength: 1, maxLength: 40 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});
export type SetupAdmin = Static<typeof SetupAdmin>;

export const SetupStatus = Type.Object({ needsSetup: Type.Boolean() });

export const Locale = Body({ locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]) });
