import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../http/route-config.js';
import { forgetSettings } from '../settings/settings.js';
import { createTenant } from '../tenancy/create-tenant.js';
import { SESSION_COOKIE } from './session.js';
import { issueSetupToken } from './setup.js';
import { totpCode } from './totp.js';
import { createWorld, FIXTURE_PASSWORD, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());
beforeEach(async () => {
  await w.deps.db.deleteFrom('login_throttle').execute();
  await w.deps.db.deleteFrom('rate_limit').execute();
});

async function login(username: string, password = FIXTURE_PASSWORD, ip = '10.0.0.1', host?: string) {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { [CSRF_HEADER]: '1', ...(host ? { host } : {}) },
    remoteAddress: ip,
    payload: { username, password },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { res, token: cookie?.value ?? null, cookie };
}

async function setting(key: string, value: unknown) {
  await w.deps.db
    .insertInto('setting')
    .values({ tenant_id: w.tenantId, key, value: JSON.stringify(value), updated_at: '2026-01-01T00:00:00.000+08:00', updated_by: null })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
  forgetSettings(w.tenantId);
}

describe('login', () => {
  it('starts an HttpOnly, SameSite=Strict session whose token is stored only as a hash', async () => {
    const { res, token, cookie } = await login('orgOfficer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfa: null, passwordChange: false });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await w.withCookie(token).get('/api/auth/me');
    expect(me.json()).toMatchObject({ username: 'orgOfficer', roles: ['org_officer'] });
    const rows = await w.deps.db.selectFrom('session').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('refuses a state change without the CSRF header', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff', password: FIXTURE_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_HEADER_MISSING');
  });

  it('locks an account for 30 minutes after 5 failures, even with the right password', async () => {
    for (let i = 0; i < 4; i += 1) expect((await login('secretary', 'wrong-password', `10.1.0.${i}`)).res.json().error.code).toBe('LOGIN_FAILED');
    expect((await login('secretary', 'wrong-password', '10.1.0.9')).res.json().error.code).toBe('ACCOUNT_LOCKED');
    const locked = await login('secretary', FIXTURE_PASSWORD, '10.1.0.10');
    expect(locked.res.statusCode).toBe(423);
    expect(locked.token).toBeNull();
    w.clock.advanceMinutes(31);
    expect((await login('secretary', FIXTURE_PASSWORD, '10.1.0.11')).res.statusCode).toBe(200);
  });

  it('answers unknown usernames exactly like real ones, lockout included', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await login('nobody-here', 'whatever', `10.2.0.${i}`)).res.json().error.code);
    const real: string[] = [];
    for (let i = 0; i < 6; i += 1) real.push((await login('discipline', 'whatever', `10.3.0.${i}`)).res.json().error.code);
    expect(codes).toEqual(real);
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
  });

  it('locks a source address that fails against many accounts', async () => {
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) await login(u, 'guess', '10.9.9.9');
    expect((await login('staff', FIXTURE_PASSWORD, '10.9.9.9')).res.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('staff', FIXTURE_PASSWORD, '10.9.9.10')).res.statusCode).toBe(200);
  });

  it('audits failures with the source address and never the password', async () => {
    await login('auditor', 'Sup3r-Secret-Guess', '10.4.4.4');
    const rows = await w.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('result', '=', 'failure').where('source_ip', '=', '10.4.4.4').execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('Sup3r-Secret-Guess');
  });
});

describe('session lifetime and revocation', () => {
  it('ends after 30 idle minutes', async () => {
    const { token } = await login('staff', FIXTURE_PASSWORD, '10.5.0.1');
    w.clock.advanceMinutes(29);
    expect((await w.withCookie(token).get('/api/auth/me')).statusCode).toBe(200);
    w.clock.advanceMinutes(31);
    expect((await w.withCookie(token).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends after 12 hours however active', async () => {
    const { token } = await login('staff', FIXTURE_PASSWORD, '10.5.0.2');
    for (let i = 0; i < 35; i += 1) {
      w.clock.advanceMinutes(20);
      expect((await w.withCookie(token).get('/api/auth/me')).statusCode).toBe(200);
    }
    w.clock.advanceMinutes(20);
    expect((await w.withCookie(token).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends at logout', async () => {
    const { token } = await login('staff', FIXTURE_PASSWORD, '10.5.0.3');
    expect((await w.withCookie(token).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await w.withCookie(token).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends every session of the account when its password changes, and hands this client a new one', async () => {
    const a = await login('branchSecretary', FIXTURE_PASSWORD, '10.5.0.4');
    const b = await login('branchSecretary', FIXTURE_PASSWORD, '10.5.0.5');
    const changed = await w.withCookie(a.token).post('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Changed#2026pw' });
    expect(changed.statusCode).toBe(200);
    const fresh = changed.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect((await w.withCookie(a.token).get('/api/auth/me')).statusCode).toBe(401);
    expect((await w.withCookie(b.token).get('/api/auth/me')).statusCode).toBe(401);
    expect((await w.withCookie(fresh).get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('branchSecretary', 'Changed#2026pw', '10.5.0.6')).res.statusCode).toBe(200);
  });
});

describe('password policy', () => {
  it('refuses weak, username-bearing and recently used passwords', async () => {
    const { token } = await login('unitOfficer', FIXTURE_PASSWORD, '10.6.0.1');
    const c = w.withCookie(token);
    const tryPw = async (pw: string) => (await c.post('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: pw })).json().error;
    expect(await tryPw('abc12345')).toMatchObject({ code: 'PASSWORD_POLICY', params: { rule: 'minClasses' } });
    expect(await tryPw('Ab1#')).toMatchObject({ code: 'PASSWORD_POLICY', params: { rule: 'minLength' } });
    expect(await tryPw('unitOfficer#2026')).toMatchObject({ code: 'PASSWORD_POLICY', params: { rule: 'containsUsername' } });
    expect(await tryPw(FIXTURE_PASSWORD)).toMatchObject({ code: 'PASSWORD_REUSED' });
    expect((await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Fine#2026pass' })).json().error.code).toBe('PASSWORD_WRONG');
  });

  it('forces a change at first login and after expiry', async () => {
    await w.deps.db.updateTable('user_account').set({ must_change_password: 1 }).where('id', '=', w.users.staff.id).execute();
    const { res, token } = await login('staff', FIXTURE_PASSWORD, '10.6.0.2');
    expect(res.json()).toEqual({ mfa: null, passwordChange: true });
    expect((await w.withCookie(token).get('/api/orgs')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await w.withCookie(token).post('/api/auth/password', { currentPassword: FIXTURE_PASSWORD, newPassword: 'Lotus#2026new' });
    expect(changed.json()).toEqual({ mfa: null, passwordChange: false });
    const before = w.clock.now();
    w.clock.advanceDays(91);
    try {
      const later = await login('staff', 'Lotus#2026new', '10.6.0.3');
      expect(later.res.json().passwordChange).toBe(true);
    } finally {
      w.clock.set(before);
    }
  });
});

describe('MFA', () => {
  it('enrols with a QR code, then accepts each code once and each recovery code once', async () => {
    await setting('security.mfa.required', true);
    try {
      const first = await login('discipline', FIXTURE_PASSWORD, '10.7.0.1');
      expect(first.res.json()).toEqual({ mfa: 'enrol', passwordChange: false });
      const c = w.withCookie(first.token);
      expect((await c.get('/api/orgs')).json().error.code).toBe('MFA_REQUIRED');
      const enrol = (await c.post('/api/auth/mfa/enrol/start')).json();
      expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(enrol.otpauthUri).toContain(`secret=${enrol.secret}`);
      const code = totpCode(enrol.secret, w.clock.now().getTime());
      const confirmed = await c.post('/api/auth/mfa/enrol/confirm', { code });
      expect(confirmed.statusCode).toBe(200);
      const recovery: string[] = confirmed.json().recoveryCodes;
      expect(recovery).toHaveLength(10);
      expect((await c.get('/api/orgs')).statusCode).toBe(200);

      const second = await login('discipline', FIXTURE_PASSWORD, '10.7.0.2');
      expect(second.res.json().mfa).toBe('verify');
      const c2 = w.withCookie(second.token);
      expect((await c2.post('/api/auth/mfa/verify', { code })).json().error.code).toBe('MFA_INVALID');
      w.clock.advance(30_000);
      const next = totpCode(enrol.secret, w.clock.now().getTime());
      expect((await c2.post('/api/auth/mfa/verify', { code: next })).json()).toEqual({ mfa: null, passwordChange: false });

      const third = await login('discipline', FIXTURE_PASSWORD, '10.7.0.3');
      const c3 = w.withCookie(third.token);
      expect((await c3.post('/api/auth/mfa/verify', { recoveryCode: recovery[0] })).statusCode).toBe(200);
      const fourth = await login('discipline', FIXTURE_PASSWORD, '10.7.0.4');
      expect((await w.withCookie(fourth.token).post('/api/auth/mfa/verify', { recoveryCode: recovery[0] })).json().error.code).toBe('MFA_INVALID');
      const secret = await w.deps.db.selectFrom('user_account').select('mfa_secret').where('id', '=', w.users.discipline.id).executeTakeFirstOrThrow();
      expect(secret.mfa_secret).not.toContain(enrol.secret);
    } finally {
      await setting('security.mfa.required', false);
    }
  });

  it('locks the account after repeated wrong codes and ends its sessions', async () => {
    await setting('security.mfa.required', true);
    try {
      const { token } = await login('secadmin', FIXTURE_PASSWORD, '10.7.1.1');
      const c = w.withCookie(token);
      const enrol = (await c.post('/api/auth/mfa/enrol/start')).json();
      await c.post('/api/auth/mfa/enrol/confirm', { code: totpCode(enrol.secret, w.clock.now().getTime()) });
      const again = await login('secadmin', FIXTURE_PASSWORD, '10.7.1.2');
      const c2 = w.withCookie(again.token);
      const codes: string[] = [];
      for (let i = 0; i < 5; i += 1) codes.push((await c2.post('/api/auth/mfa/verify', { code: '000000' })).json().error.code);
      expect(codes.slice(0, 4)).toEqual(Array(4).fill('MFA_INVALID'));
      expect(codes[4]).toBe('ACCOUNT_LOCKED');
      expect((await c2.get('/api/auth/me')).statusCode).toBe(401);
      expect((await login('secadmin', FIXTURE_PASSWORD, '10.7.1.3')).res.json().error.code).toBe('ACCOUNT_LOCKED');
    } finally {
      await setting('security.mfa.required', false);
    }
  });
});

describe('first administrator', () => {
  it('is created once from the one-time set-up token of a tenant without one', async () => {
    const tenantId = await createTenant(w.deps, { code: 'fresh', name: '新单位', isDefault: false, isDemo: false });
    await w.deps.db.updateTable('tenant').set({ host: 'fresh.example' }).where('id', '=', tenantId).execute();
    const host = { host: 'fresh.example', [CSRF_HEADER]: '1' };
    expect((await w.app.inject({ method: 'GET', url: '/api/auth/setup', headers: host })).json()).toEqual({ needsSetup: false });
    const token = await issueSetupToken(w.deps, tenantId);
    expect((await w.app.inject({ method: 'GET', url: '/api/auth/setup', headers: host })).json()).toEqual({ needsSetup: true });
    const body = { token, username: 'chief', displayName: '首任管理员', password: 'Harbour#2026pw' };
    const bad = await w.app.inject({ method: 'POST', url: '/api/auth/setup', headers: host, payload: { ...body, token: 'A'.repeat(43) } });
    expect(bad.json().error.code).toBe('SETUP_TOKEN_INVALID');
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/setup', headers: host, payload: body })).statusCode).toBe(200);
    expect((await w.app.inject({ method: 'POST', url: '/api/auth/setup', headers: host, payload: body })).json().error.code).toBe('SETUP_ALREADY_DONE');
    const signed = await login('chief', 'Harbour#2026pw', '10.8.0.1', 'fresh.example');
    expect(signed.res.json()).toEqual({ mfa: 'enrol', passwordChange: false });
    expect((await login('chief', 'Harbour#2026pw', '10.8.0.2')).res.json().error.code).toBe('LOGIN_FAILED');
  });
});
