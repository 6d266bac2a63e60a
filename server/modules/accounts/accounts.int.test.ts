import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRoles, Permissions } from '../../../contracts/permissions.js';
import { CSRF_HEADER } from '../../platform/http/route-config.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { newId } from '../../platform/db/ids.js';
import { createWorld, FIXTURE_PASSWORD, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

async function signIn(username: string, password: string) {
  const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', headers: { [CSRF_HEADER]: '1' }, remoteAddress: `10.20.${Math.floor(Math.random() * 250)}.1`, payload: { username, password } });
  return { res, token: res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null };
}

async function roleId(code: string): Promise<string> {
  const r = await w.deps.db.selectFrom('role').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', code).executeTakeFirstOrThrow();
  return r.id;
}

describe('user administration', () => {
  it('creates an account whose one-time password must be changed at first sign-in', async () => {
    const created = await w.as('sysadmin').post('/api/users', { username: 'Li.Ming', displayName: '李明', kind: 'business', personId: w.users.staff.personId });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json();
    expect(user).toMatchObject({ username: 'Li.Ming', kind: 'business', status: 'active', personName: 'staff同志' });
    const first = await signIn('li.ming', initialPassword);
    expect(first.res.json()).toEqual({ mfa: null, passwordChange: true });
    const row = await w.deps.db.selectFrom('user_account').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('treats full-width and case variants of a username as the same account', async () => {
    await w.as('sysadmin').post('/api/users', { username: 'zhaoyun', displayName: '赵云', kind: 'business' });
    const dup = await w.as('sysadmin').post('/api/users', { username: 'ZhaoYun', displayName: '赵云二', kind: 'business' });
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', params: { field: 'username' } });
    const fullWidth = await w.as('sysadmin').post('/api/users', { username: 'ｚｈａｏｙｕｎ', displayName: '赵云三', kind: 'business' });
    expect(fullWidth.statusCode).toBe(400);
  });

  it('ends every session of an account when it is disabled, and refuses its sign-in', async () => {
    const { user, initialPassword } = (await w.as('sysadmin').post('/api/users', { username: 'qianliu', displayName: '钱六', kind: 'business' })).json();
    const s = await signIn('qianliu', initialPassword);
    expect((await w.withCookie(s.token).get('/api/auth/me')).statusCode).toBe(200);
    expect((await w.as('sysadmin').post(`/api/users/${user.id}/disable`)).json().status).toBe('disabled');
    expect((await w.withCookie(s.token).get('/api/auth/me')).statusCode).toBe(401);
    expect((await signIn('qianliu', initialPassword)).res.json().error.code).toBe('LOGIN_FAILED');
    await w.as('sysadmin').post(`/api/users/${user.id}/enable`);
    expect((await signIn('qianliu', initialPassword)).res.statusCode).toBe(200);
  });

  it('unlocks a locked account and shows the lock in the list', async () => {
    for (let i = 0; i < 5; i += 1) await signIn('auditor', 'bad-guess');
    const listed = (await w.as('sysadmin').get('/api/users?q=auditor')).json().items[0];
    expect(listed.locked).toBe(true);
    await w.as('sysadmin').post(`/api/users/${w.users.auditor.id}/unlock`);
    expect((await signIn('auditor', FIXTURE_PASSWORD)).res.statusCode).toBe(200);
  });

  it('does not let an administrator disable or reset themselves', async () => {
    const res = await w.as('sysadmin').post(`/api/users/${w.users.sysadmin.id}/disable`);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', params: { reason: 'self' } });
  });
});

describe('roles and assignments', () => {
  it('ends the grantee\'s sessions when a role is assigned or revoked, so new rights apply at once', async () => {
    const { user, initialPassword } = (await w.as('sysadmin').post('/api/users', { username: 'sunqi', displayName: '孙七', kind: 'business' })).json();
    await w.deps.db.updateTable('user_account').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
    const s = await signIn('sunqi', initialPassword);
    expect((await w.withCookie(s.token).get('/api/orgs')).statusCode).toBe(403);
    const assigned = await w.as('secadmin').post('/api/assignments', { userId: user.id, roleId: await roleId('org_officer'), scopeKind: 'subtree', scopeOrgId: w.orgs.unitA });
    expect(assigned.statusCode).toBe(201);
    expect(assigned.json()).toMatchObject({ roleCode: 'org_officer', scopeKind: 'subtree', scopeOrgName: '闸站管理所' });
    expect((await w.withCookie(s.token).get('/api/orgs')).statusCode).toBe(401);
    const again = await signIn('sunqi', initialPassword);
    const names = (await w.withCookie(again.token).get('/api/orgs')).json().items.map((o: { name: string }) => o.name);
    expect(names.sort()).toEqual(['运行股', '闸站管理所']);
    await w.as('secadmin').delete(`/api/assignments/${assigned.json().id}`);
    expect((await w.withCookie(again.token).get('/api/orgs')).statusCode).toBe(401);
  });

  it('requires an org for subtree and org scopes', async () => {
    const res = await w.as('secadmin').post('/api/assignments', { userId: w.users.staff.id, roleId: await roleId('leader'), scopeKind: 'subtree' });
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'scopeOrgId' } });
  });

  it('refuses granting rights to oneself', async () => {
    const res = await w.as('secadmin').post('/api/assignments', { userId: w.users.secadmin.id, roleId: await roleId('security_admin'), scopeKind: 'tenant' });
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', params: { reason: 'self' } });
  });

  it('revokes sessions of every holder when a role\'s permissions change', async () => {
    const role = (await w.as('secadmin').post('/api/roles', { code: 'liaison', nameZh: '联络员', nameEn: 'Liaison', permissions: ['org:read'] })).json();
    const { user, initialPassword } = (await w.as('sysadmin').post('/api/users', { username: 'zhouba', displayName: '周八', kind: 'business' })).json();
    await w.deps.db.updateTable('user_account').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
    await w.as('secadmin').post('/api/assignments', { userId: user.id, roleId: role.id, scopeKind: 'tenant' });
    const s = await signIn('zhouba', initialPassword);
    expect((await w.withCookie(s.token).get('/api/orgs')).statusCode).toBe(200);
    const updated = await w.as('secadmin').patch(`/api/roles/${role.id}`, { permissions: ['person:read'] });
    expect(updated.json().permissions).toEqual(['person:read']);
    expect((await w.withCookie(s.token).get('/api/auth/me')).statusCode).toBe(401);
    expect((await w.as('secadmin').delete(`/api/roles/${role.id}`)).json().error).toMatchObject({ code: 'CONFLICT', params: { reason: 'assigned' } });
  });
});

describe('三员分立 (separation of the three administrators)', () => {
  it('ships administrator roles holding no business permission', () => {
    for (const [code, def] of Object.entries(builtinRoles)) {
      if (def.kind === 'business') continue;
      const leaked = def.permissions.filter((p) => Permissions[p] === 'business');
      expect(leaked, code).toEqual([]);
    }
  });

  it('refuses, at the route, giving an administrator account a role of another kind', async () => {
    const secRole = await roleId('security_admin');
    const res = await w.as('secadmin').post('/api/assignments', { userId: w.users.sysadmin.id, roleId: secRole, scopeKind: 'tenant' });
    expect(res.json().error).toMatchObject({ code: 'ADMIN_ROLE_CONFLICT', params: { accountKind: 'system', roleKind: 'security' } });
    const business = await w.as('secadmin').post('/api/assignments', { userId: w.users.auditor.id, roleId: await roleId('secretary'), scopeKind: 'tenant' });
    expect(business.json().error.code).toBe('ADMIN_ROLE_CONFLICT');
  });

  it('refuses, at the route, a business permission on an administrator role', async () => {
    const res = await w.as('secadmin').patch(`/api/roles/${await roleId('sys_admin')}`, { permissions: ['user:manage', 'person:reveal'] });
    expect(res.json().error).toMatchObject({ code: 'ADMIN_PERMISSION_CONFLICT', params: { permission: 'person:reveal' } });
  });

  it('refuses, in the database itself, an account holding two administrator kinds or a business role', async () => {
    const insert = (userId: string, code: string, kind: string) =>
      roleId(code).then((rid) =>
        w.deps.db.insertInto('role_assignment').values({ tenant_id: w.tenantId, id: newId(), user_id: userId, role_id: rid, kind: kind as never, scope_kind: 'tenant', scope_org_id: null, created_at: '2026-01-01T00:00:00.000+08:00', created_by: null }).execute(),
      );
    await expect(insert(w.users.sysadmin.id, 'security_admin', 'security')).rejects.toThrow();
    await expect(insert(w.users.sysadmin.id, 'security_admin', 'system')).rejects.toThrow();
    await expect(insert(w.users.auditor.id, 'secretary', 'business')).rejects.toThrow();
    await expect(insert(w.users.secretary.id, 'audit_admin', 'audit')).rejects.toThrow();
  });

  it('refuses, in the database itself, a business permission on an administrator role', async () => {
    const rid = await roleId('audit_admin');
    const attempt = (permissionKind: string) =>
      w.deps.db.insertInto('role_permission').values({ tenant_id: w.tenantId, role_id: rid, role_kind: 'audit', permission_code: 'person:reveal', permission_kind: permissionKind as never }).execute();
    await expect(attempt('business')).rejects.toThrow();
    await expect(attempt('audit')).rejects.toThrow();
    const kinds = await sql<{ n: number }>`select count(*) as n from role_permission rp join role r on r.tenant_id = rp.tenant_id and r.id = rp.role_id
      where r.kind <> 'business' and rp.permission_kind = 'business'`.execute(w.deps.db);
    expect(Number(kinds.rows[0]!.n)).toBe(0);
  });

  it('keeps each administrator away from business content and from the others\' duties', async () => {
    expect((await w.as('sysadmin').get('/api/audit')).statusCode).toBe(403);
    expect((await w.as('secadmin').get('/api/audit')).statusCode).toBe(403);
    expect((await w.as('auditor').post('/api/users', { username: 'ghost', displayName: '幽灵', kind: 'business' })).statusCode).toBe(403);
    expect((await w.as('sysadmin').post('/api/assignments', { userId: w.users.staff.id, roleId: await roleId('leader'), scopeKind: 'self' })).statusCode).toBe(403);
    const me = (await w.as('sysadmin').get('/api/auth/me')).json();
    expect(me.permissions.filter((p: keyof typeof Permissions) => Permissions[p] === 'business')).toEqual([]);
  });
});
