/**
 * Response and request shapes, taken from contracts/ as types only: TypeBox stays out of the bundle.
 */
import type { Static } from 'typebox';
import type { ImportReport as ImportReportSchema, Page } from '../../../../contracts/common';
import type { MfaEnrolment as MfaEnrolmentSchema, Obligations as ObligationsSchema, RecoveryCodes as RecoveryCodesSchema, SetupStatus as SetupStatusSchema } from '../../../../contracts/auth';
import type { AuditVerification as AuditVerificationSchema } from '../../../../contracts/audit';
import type { InitialPassword as InitialPasswordSchema, PermissionInfo as PermissionInfoSchema } from '../../../../contracts/accounts';
import type {
  CalendarDay as CalendarDaySchema,
  CalendarOverride as CalendarOverrideSchema,
  Job as JobSchema,
  NotificationPage as NotificationPageSchema,
  SettingItem as SettingItemSchema,
} from '../../../../contracts/system';
import type { PersonSensitive as PersonSensitiveSchema } from '../../../../contracts/people';
import type {
  Extension as RectificationExtensionSchema,
  OrgSummary as RectificationOrgSummarySchema,
  RectificationEvent as RectificationEventSchema,
} from '../../../../contracts/rectification';

export type { Page };
export type { ErrorCode } from '../../../../contracts/errors';
export type { Me, Login, ChangePassword, SetupAdmin, MfaCode } from '../../../../contracts/auth';
export type { Org, OrgKind, CreateOrg, UpdateOrg, MoveOrg } from '../../../../contracts/orgs';
export type {
  Person,
  PersonDetail,
  PersonQuery,
  CreatePerson,
  UpdatePerson,
  Post,
  PostQuery,
  CreatePost,
  UpdatePost,
  Leader,
  CreateLeader,
  UpdateLeader,
} from '../../../../contracts/people';
export type {
  User,
  UserQuery,
  CreateUser,
  UpdateUser,
  Role,
  CreateRole,
  UpdateRole,
  Assignment,
  AssignmentQuery,
  CreateAssignment,
} from '../../../../contracts/accounts';
export type { AuditRecord, AuditQuery } from '../../../../contracts/audit';
export type { DictItem, CreateDictItem, UpdateDictItem, Notification } from '../../../../contracts/system';
export type { Permission, PermissionKind, RoleKind, ScopeKind } from '../../../../contracts/permissions';
export type { SettingKey } from '../../../../contracts/settings';
export type { Attachment } from '../../../../contracts/system';
export type {
  Rectification,
  RectificationSummary,
  RectificationQuery,
  RectificationSource,
  RectificationStatus,
  CreateRectification,
  UpdateRectification,
  AddMeasure,
  Measure,
} from '../../../../contracts/rectification';

export type ImportReport = Static<typeof ImportReportSchema>;
export type Obligations = Static<typeof ObligationsSchema>;
export type MfaEnrolment = Static<typeof MfaEnrolmentSchema>;
export type RecoveryCodes = Static<typeof RecoveryCodesSchema>;
export type SetupStatus = Static<typeof SetupStatusSchema>;
export type AuditVerification = Static<typeof AuditVerificationSchema>;
export type PermissionInfo = Static<typeof PermissionInfoSchema>;
export type CalendarDay = Static<typeof CalendarDaySchema>;
export type CalendarOverride = Static<typeof CalendarOverrideSchema>;
export type Job = Static<typeof JobSchema>;
export type NotificationPage = Static<typeof NotificationPageSchema>;
export type SettingItem = Static<typeof SettingItemSchema>;
export type PersonSensitive = Static<typeof PersonSensitiveSchema>;
export type InitialPassword = Static<typeof InitialPasswordSchema>;
export type Items<T> = { items: T[] };
export type RectificationExtension = Static<typeof RectificationExtensionSchema>;
export type RectificationEvent = Static<typeof RectificationEventSchema>;
export type RectificationOrgSummary = Static<typeof RectificationOrgSummarySchema>;
