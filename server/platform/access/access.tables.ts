import type { PermissionKind, RoleKind, ScopeKind } from '../../../contracts/permissions.js';

export interface PermissionTable {
  code: string;
  kind: PermissionKind;
}

export interface RoleTable {
  tenant_id: string;
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: RoleKind;
  builtin: 0 | 1;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface RolePermissionTable {
  tenant_id: string;
  role_id: string;
  role_kind: RoleKind;
  permission_code: string;
  permission_kind: PermissionKind;
}

export interface RoleAssignmentTable {
  tenant_id: string;
  id: string;
  user_id: string;
  role_id: string;
  /** Equal to both the account's kind and the role's kind (two foreign keys): the 三员 separation in the schema. */
  kind: RoleKind;
  scope_kind: ScopeKind;
  scope_org_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface RecordGrantTable {
  tenant_id: string;
  id: string;
  object_type: string;
  object_id: string;
  user_id: string;
  grant_kind: string;
  reason: string;
  granted_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AccessTables {
  permission: PermissionTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  role_assignment: RoleAssignmentTable;
  record_grant: RecordGrantTable;
}
