import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { CSRF_HEADER } from '../platform/http/route-config.js';
import { SESSION_COOKIE } from '../platform/auth/session.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { today } from '../platform/clock/clock.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { buildDemoPlan, DEMO_PASSWORD } from './demo-plan.js';
import { DEMO_TENANT_CODE, seedDemo } from './demo-seed.js';

const plan = buildDemoPlan();
let tdb: TestDatabase;
let app: FastifyInstance;
let tenantId: string;
let firstRunMs: number;

async function count(table: 'org' | 'person' | 'post' | 'leader' | 'user_account' | 'role_assignment' | 'audit_log'): Promise<number> {
  const r = await app.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function signIn(username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { [CSRF_HEADER]: '1' }, payload: { username, password } });
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { [CSRF_HEADER]: '1' }, cookies: token ? { [SESSION_COOKIE]: token } : {} });
  return { res, get };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = { ...loadConfig({ QINGFENG_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', QINGFENG_JOBS: '0' }) };
  app = await buildApp({ config, database: tdb.database, env: {} });
  const started = Date.now();
  tenantId = (await seedDemo(app.deps, { makeDefault: true })).tenantId;
  firstRunMs = Date.now() - started;
});

afterAll(async () => {
  await app.close();
  await tdb.drop();
});

describe('demo seed', () => {
  it('builds the bureau with production password hashing in well under ten seconds', () => {
    expect(firstRunMs).toBeLessThan(10_000);
  });

  it('creates the planned directory: about 120 people, the org tree, posts, leaders and one account per role', async () => {
    expect(plan.people.length).toBeGreaterThanOrEqual(110);
    expect(plan.people.length).toBeLessThanOrEqual(130);
    expect(await count('org')).toBe(plan.orgs.length);
    expect(await count('person')).toBe(plan.people.length);
    expect(await count('post')).toBe(plan.posts.length);
    expect(await count('leader')).toBe(6);
    expect(await count('user_account')).toBe(plan.accounts.length);
    const tenant = await app.deps.db.selectFrom('tenant').selectAll().where('id', '=', tenantId).executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({ code: DEMO_TENANT_CODE, is_demo: 1, is_default: 1 });
  });

  it('stores ID and mobile numbers only sealed', async () => {
    const chief = plan.people[0]!;
    const row = await app.deps.db.selectFrom('person').selectAll().where('tenant_id', '=', tenantId).where('name', '=', chief.name).executeTakeFirstOrThrow();
    expect(row.mobile_enc).not.toContain(chief.mobile);
    expect(row.id_number_enc).not.toContain(chief.idNumber);
    expect(app.deps.crypto.decrypt(tenantId, row.mobile_enc!, `person:mobile:${row.id}`)).toBe(chief.mobile);
  });

  it('audits every object it made, on a chain that verifies', async () => {
    const records = await count('audit_log');
    expect(records).toBeGreaterThanOrEqual(plan.orgs.length + plan.people.length + plan.posts.length + 6 + 9);
    const v = await verifyAuditChain(app.deps.db, app.deps.crypto, tenantId, [app.deps.keys.auditKey.publicKey]);
    expect(v).toMatchObject({ ok: true, records });
  });

  it('adds nothing on a second run', async () => {
    const before = await Promise.all([count('org'), count('person'), count('post'), count('user_account'), count('role_assignment'), count('audit_log')]);
    const again = await seedDemo(app.deps, { makeDefault: true });
    expect(again.tenantId).toBe(tenantId);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(await Promise.all([count('org'), count('person'), count('post'), count('user_account'), count('role_assignment'), count('audit_log')])).toEqual(before);
  });

  it('lets every demo account sign in with the documented password and no MFA or password change pending', async () => {
    for (const a of plan.accounts) {
      const { res, get } = await signIn(a.username);
      expect(res.statusCode, a.username).toBe(200);
      expect(res.json(), a.username).toEqual({ mfa: null, passwordChange: false });
      const me = await get('/api/auth/me');
      expect(me.json().tenant.isDemo).toBe(true);
      expect(me.json().roles).toContain(a.role);
    }
    expect((await signIn('admin', 'Demo@2025')).res.statusCode).toBe(401);
  });

  it('gives the clue pages something to show, each clue only to those on its list', async () => {
    const jijian = (await (await signIn('jijian')).get('/api/clues')).json();
    expect(jijian.total).toBe(2);
    expect(jijian.items.map((c: { named: boolean }) => c.named).sort()).toEqual([false, true]);
    expect((await (await signIn('jijian2')).get('/api/clues')).json().total).toBe(1);
    expect((await (await signIn('zhibu')).get('/api/clues')).statusCode).toBe(403);
    const queue = (await (await signIn('baoguan')).get('/api/clue-identity-requests?status=pending')).json();
    expect(queue.total).toBe(1);
    expect(JSON.stringify(queue)).not.toContain('陈立群');
  });

  it('gives the letter pages a year of letters in every state: signed, half signed, waiting', async () => {
    const year = today(app.deps.clock).slice(0, 4);
    const board = (await (await signIn('secretary')).get(`/api/duty-letters/board?year=${year}`)).json();
    expect(board.totals).toMatchObject({ total: 3, signed: 1 });
    expect((await (await signIn('leader1')).get('/api/duty-letters/mine?pending=true')).json().items).toHaveLength(1);
    const branch = (await (await signIn('zhibu')).get('/api/duty-letters/mine?pending=true')).json().items;
    expect(branch.map((l: { level: string; status: string }) => [l.level, l.status])).toEqual([['branch', 'issued']]);
  });

  it('limits leader1 to the units they oversee', async () => {
    const { get } = await signIn('leader1');
    const overseen = new Set(['sluice', 'sluiceOps', 'sluiceMaint', 'finance']);
    const expected = plan.people.filter((p) => overseen.has(p.primaryOrg)).length;
    const page = (await get('/api/people?pageSize=100')).json();
    expect(page.total).toBe(expected);
    const all = (await (await signIn('secretary')).get('/api/people?pageSize=100')).json();
    expect(all.total).toBe(plan.people.length);
  });

  it('shows zhibu the members of their 党支部 and its 党小组, whose primary org is their working unit', async () => {
    const scope = new Set(plan.accounts.find((a) => a.username === 'zhibu')!.scopeOrgs);
    for (const o of plan.orgs) if (o.parent && scope.has(o.parent)) scope.add(o.key);
    const members = plan.people.filter((p) => p.orgs.some((o) => scope.has(o)));
    expect(members.length).toBeGreaterThan(5);
    expect(members.filter((p) => scope.has(p.primaryOrg))).toEqual([]);
    const { get } = await signIn('zhibu');
    const page = (await get('/api/people?pageSize=100')).json();
    expect(page.total).toBe(members.length);
    expect(page.items.map((p: { name: string }) => p.name).sort()).toEqual(members.map((p) => p.name).sort());
    const detail = await get(`/api/people/${page.items[0].id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().orgs.some((o: { id: string; name: string }) => plan.orgs.some((d) => scope.has(d.key) && d.name === o.name))).toBe(true);
  });
});
