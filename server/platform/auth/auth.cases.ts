import type { RouteCase } from '../../test/route-case.js';
import { FIXTURE_PASSWORD } from '../../test/world.js';

/**
 * Auth routes act on the caller's own account, so every signed-in user may call them. MFA and password
 * steps are exercised in auth.int.test.ts; here a call that is refused for its content (e.g. no
 * enrolment pending) still proves the guard let it through.
 */
export const authCases: RouteCase[] = [
  { method: 'GET', route: '/api/auth/setup', allow: 'public', request: () => ({ url: '/api/auth/setup' }) },
  {
    method: 'POST',
    route: '/api/auth/setup',
    allow: 'public',
    ok: 409,
    request: () => ({ url: '/api/auth/setup', body: { token: 'x'.repeat(43), username: 'firstadmin', displayName: '管理员', password: 'Setup#2026pass' } }),
  },
  {
    method: 'POST',
    route: '/api/auth/login',
    allow: 'public',
    request: () => ({ url: '/api/auth/login', body: { username: 'orgOfficer', password: FIXTURE_PASSWORD } }),
  },
  { method: 'POST', route: '/api/auth/logout', allow: 'any-session', request: () => ({ url: '/api/auth/logout' }) },
  { method: 'GET', route: '/api/auth/me', allow: 'any-session', request: () => ({ url: '/api/auth/me' }) },
  { method: 'POST', route: '/api/auth/mfa/verify', allow: 'any-session', ok: 409, request: () => ({ url: '/api/auth/mfa/verify', body: { code: '123456' } }) },
  { method: 'POST', route: '/api/auth/mfa/enrol/start', allow: 'any-session', request: () => ({ url: '/api/auth/mfa/enrol/start' }) },
  { method: 'POST', route: '/api/auth/mfa/enrol/confirm', allow: 'any-session', ok: 401, request: () => ({ url: '/api/auth/mfa/enrol/confirm', body: { code: '000000' } }) },
  {
    method: 'POST',
    route: '/api/auth/password',
    allow: 'any-session',
    ok: 400,
    request: () => ({ url: '/api/auth/password', body: { currentPassword: 'not-the-password', newPassword: 'Another#2026x' } }),
  },
  { method: 'PUT', route: '/api/auth/locale', allow: 'any-session', request: () => ({ url: '/api/auth/locale', body: { locale: 'en-US' } }) },
];
