/**
 * Permission catalogue. `kind` drives 三员分立: a role of kind system/security/audit may only hold
 * permissions of its own kind or `common`; business content permissions are `business` and can never
 * reach an administrator role (the database enforces the same pairing).
 */
export type PermissionKind = 'business' | 'system' | 'security' | 'audit' | 'common';
export type RoleKind = Exclude<PermissionKind, 'common'>;

export const Permissions = {
  'org:read': 'common',
  'org:manage': 'common',
  'person:read': 'common',
  'person:manage': 'common',
  'person:reveal': 'business',
  'post:manage': 'common',
  'leader:manage': 'common',
  'user:read': 'common',
  'user:manage': 'system',
  'setting:manage': 'system',
  'dict:manage': 'system',
  'calendar:manage': 'system',
  'job:read': 'system',
  'role:read': 'common',
  'role:manage': 'security',
  'assignment:manage': 'security',
  'security_policy:manage': 'security',
  'audit:read': 'audit',
  'audit:export': 'audit',
  'rectification:read': 'business',
  'rectification:manage': 'business',
  'rectification:verify': 'business',
  'rectification:approve_extension': 'business',
  'inspection:read': 'business',
  'inspection:manage': 'business',
  'inspection:conduct': 'business',
  'checklist:manage': 'common',
  'draw:manage': 'business',
  'complaint:read': 'business',
  'complaint:intake': 'business',
  'complaint:supervise': 'business',
  'complaint:handle': 'business',
  'complaint:identity': 'business',
  'complaint:stats': 'business',
  'complaint:catalogue': 'business',
  'clue:read': 'business',
  'clue:register': 'business',
  'clue:manage': 'business',
  'clue:approve': 'business',
  'clue:custody': 'business',
  'clue:stats': 'business',
  'discipline_record:read': 'business',
  'assessment:read': 'business',
  'assessment:self': 'business',
  'assessment:manage': 'business',
  'assessment:approve': 'business',
  'duty:read': 'business',
  'duty:manage': 'business',
  'duty:sign': 'business',
  'duty:report': 'business',
} as const satisfies Record<string, PermissionKind>;

export type Permission = keyof typeof Permissions;

export const allPermissions = Object.keys(Permissions) as Permission[];

export type ScopeKind = 'tenant' | 'subtree' | 'org' | 'self';
export const scopeKinds: readonly ScopeKind[] = ['tenant', 'subtree', 'org', 'self'];

/** Built-in roles seeded into every tenant; administrators may add custom business roles. */
export const builtinRoles: Record<string, { kind: RoleKind; permissions: Permission[] }> = {
  sys_admin: {
    kind: 'system',
    permissions: ['user:read', 'user:manage', 'setting:manage', 'dict:manage', 'calendar:manage', 'job:read',
      'org:read', 'org:manage', 'person:read', 'person:manage', 'post:manage', 'leader:manage', 'role:read', 'checklist:manage'],
  },
  security_admin: {
    kind: 'security',
    permissions: ['user:read', 'role:read', 'role:manage', 'assignment:manage', 'security_policy:manage', 'org:read', 'person:read'],
  },
  audit_admin: { kind: 'audit', permissions: ['audit:read', 'audit:export', 'user:read', 'org:read'] },
  secretary: {
    kind: 'business',
    permissions: ['org:read', 'person:read', 'person:reveal', 'user:read', 'role:read', 'rectification:read', 'rectification:verify',
      'rectification:approve_extension', 'inspection:read', 'complaint:read', 'complaint:stats',
      'clue:read', 'clue:approve', 'clue:stats', 'discipline_record:read', 'duty:read', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:approve'],
  },
  discipline_officer: {
    kind: 'business',
    permissions: ['org:read', 'person:read', 'person:reveal', 'user:read', 'rectification:read', 'rectification:manage', 'rectification:verify',
      'rectification:approve_extension', 'inspection:read', 'inspection:manage', 'inspection:conduct', 'checklist:manage', 'draw:manage',
      'complaint:read', 'complaint:intake', 'complaint:supervise', 'complaint:handle', 'complaint:identity', 'complaint:stats', 'complaint:catalogue',
      'clue:read', 'clue:register', 'clue:manage', 'clue:stats', 'discipline_record:read', 'duty:read', 'duty:manage', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:manage'],
  },
  org_officer: {
    kind: 'business',
    permissions: ['org:read', 'org:manage', 'person:read', 'person:manage', 'person:reveal', 'post:manage', 'leader:manage', 'discipline_record:read', 'duty:read', 'duty:manage', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:manage'],
  },
  leader: {
    kind: 'business',
    permissions: ['org:read', 'person:read', 'rectification:read', 'rectification:approve_extension', 'inspection:read', 'complaint:read', 'complaint:stats', 'duty:read', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:self'],
  },
  branch_secretary: { kind: 'business', permissions: ['org:read', 'person:read', 'rectification:read', 'rectification:manage', 'complaint:read', 'complaint:handle', 'duty:read', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:self'] },
  unit_head: { kind: 'business', permissions: ['org:read', 'person:read', 'rectification:read', 'rectification:manage', 'complaint:read', 'complaint:handle', 'duty:read', 'duty:sign', 'duty:report', 'assessment:read', 'assessment:self'] },
  petition_officer: { kind: 'business', permissions: ['org:read', 'person:read', 'complaint:read', 'complaint:intake', 'complaint:stats', 'clue:read', 'clue:register', 'duty:read', 'duty:sign'] },
  /** 线索保管人: decides identity requests; sees the request queue, nothing else of a clue. */
  clue_custodian: { kind: 'business', permissions: ['clue:custody'] },
  staff: { kind: 'business', permissions: ['org:read', 'rectification:read', 'duty:read', 'duty:sign', 'duty:report'] },
};
