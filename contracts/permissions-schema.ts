import { Type } from 'typebox';
import { allPermissions, scopeKinds } from './permissions.js';

export const Permission = Type.Enum(allPermissions);
export const ScopeKindSchema = Type.Enum(scopeKinds);
export const RoleKindSchema = Type.Enum(['business', 'system', 'security', 'audit'] as const);
