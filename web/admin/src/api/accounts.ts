import { http, type Query } from './http';
import type {
  Assignment,
  AssignmentQuery,
  CreateAssignment,
  CreateRole,
  CreateUser,
  InitialPassword,
  Items,
  Page,
  PermissionInfo,
  Role,
  UpdateRole,
  UpdateUser,
  User,
  UserQuery,
} from './types';
import type { AppLocale } from '../i18n/messages';

export const usersApi = {
  list: (q: UserQuery) => http.get<Page<User>>('/api/users', q as Query),
  create: (body: CreateUser) => http.create<InitialPassword>('/api/users', body),
  update: (id: string, body: UpdateUser) => http.patch<User>(`/api/users/${id}`, body),
  disable: (id: string) => http.post<User>(`/api/users/${id}/disable`),
  enable: (id: string) => http.post<User>(`/api/users/${id}/enable`),
  resetPassword: (id: string) => http.post<InitialPassword>(`/api/users/${id}/reset-password`),
  unlock: (id: string) => http.post<User>(`/api/users/${id}/unlock`),
  resetMfa: (id: string) => http.post<User>(`/api/users/${id}/reset-mfa`),
  export: (q: UserQuery, lang: AppLocale) => http.download('/api/users/export.xlsx', { ...(q as Query), page: undefined, pageSize: undefined, lang }, 'users.xlsx'),
};

export const rolesApi = {
  permissions: () => http.get<Items<PermissionInfo>>('/api/permissions'),
  list: () => http.get<Items<Role>>('/api/roles'),
  create: (body: CreateRole) => http.create<Role>('/api/roles', body),
  update: (id: string, body: UpdateRole) => http.patch<Role>(`/api/roles/${id}`, body),
  remove: (id: string) => http.del<{ ok: true }>(`/api/roles/${id}`),
};

export const assignmentsApi = {
  list: (q: AssignmentQuery) => http.get<Page<Assignment>>('/api/assignments', q as Query),
  create: (body: CreateAssignment) => http.create<Assignment>('/api/assignments', body),
  revoke: (id: string) => http.del<{ ok: true }>(`/api/assignments/${id}`),
};
