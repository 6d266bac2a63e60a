import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { builtinRoles, type ScopeKind } from '../../contracts/permissions.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { FakeClock, nowIso } from '../platform/clock/clock.js';
import type { Deps } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { hashPassword } from '../platform/auth/password.js';
import { SESSION_COOKIE, createSession } from '../platform/auth/session.js';
import { normalizeUsername } from '../platform/auth/username.js';
import { createTenant } from '../platform/tenancy/create-tenant.js';
import { CSRF_HEADER } from '../platform/http/route-config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/**
 * A small, fixed world every integration test starts from: one tenant with an org tree holding both
 * party and administrative units, and one account per role and scope that the access matrix needs.
 *
 *   局 (bureau)
 *   ├─ 局党总支 (party_general_branch) ─┬─ 第一党支部 (party_branch)
 *   │                                  └─ 第二党支部 (party_branch)
 *   ├─ 闸站管理所 (subordinate_unit) ─── 运行股 (section)
 *   └─ 办公室 (section)
 */
export const fixtureUsers = {
  sysadmin: { kind: 'system', role: 'sys_admin', scope: 'tenant', org: null, person: null },
  secadmin: { kind: 'security', role: 'security_admin', scope: 'tenant', org: null, person: null },
  auditor: { kind: 'audit', role: 'audit_admin', scope: 'tenant', org: null, person: null },
  secretary: { kind: 'business', role: 'secretary', scope: 'tenant', org: null, person: 'generalBranch' },
  discipline: { kind: 'business', role: 'discipline_officer', scope: 'tenant', org: null, person: 'generalBranch' },
  orgOfficer: { kind: 'business', role: 'org_officer', scope: 'tenant', org: null, person: 'office' },
  unitOfficer: { kind: 'business', role: 'org_officer', scope: 'subtree', org: 'unitA', person: 'unitA' },
  branchSecretary: { kind: 'business', role: 'branch_secretary', scope: 'subtree', org: 'branch1', person: 'branch1' },
  staff: { kind: 'business', role: 'staff', scope: 'self', org: null, person: 'branch1' },
  custodian: { kind: 'business', role: 'clue_custodian', scope: 'tenant', org: null, person: null },
} as const;

export type FixtureUser = keyof typeof fixtureUsers;
export const allFixtureUsers = Object.keys(fixtureUsers) as FixtureUser[];
export const FIXTURE_PASSWORD = 'Qingfeng#2026';

const ORGS = [
  ['bureau', null, 'bureau', '长江河道管理局'],
  ['generalBranch', 'bureau', 'party_general_branch', '局党总支'],
  ['branch1', 'generalBranch', 'party_branch', '第一党支部'],
  ['branch2', 'generalBranch', 'party_branch', '第二党支部'],
  ['unitA', 'bureau', 'subordinate_unit', '闸站管理所'],
  ['unitASection', 'unitA', 'section', '运行股'],
  ['office', 'bureau', 'section', '办公室'],
] as const;
export type FixtureOrg = (typeof ORGS)[number][0];

export interface Client {
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface World {
  app: FastifyInstance;
  deps: Deps;
  clock: FakeClock;
  tenantId: string;
  /** The world's data directory, and its SQLite file (null on PostgreSQL): for tests that inspect what lands on disk. */
  dataDir: string;
  sqlitePath: string | null;
  orgs: Record<FixtureOrg, string>;
  users: Record<FixtureUser, { id: string; username: string; personId: string | null }>;
  /** A client acting as a fixture user (a fresh, MFA-complete session), or anonymous for null. */
  as(user: FixtureUser | null): Client;
  /** A client carrying an explicit session cookie. */
  withCookie(token: string | null): Client;
  close(): Promise<void>;
}

export const FAST_HASH = { memoryCost: 1024, timeCost: 1 };

function client(app: FastifyInstance, token: () => Promise<string | null>): Client {
  const inject = async (opts: InjectOptions) => {
    const t = await token();
    const headers: Record<string, string> = { [CSRF_HEADER]: '1', ...(opts.headers as Record<string, string> | undefined) };
    return app.inject({ ...opts, headers, cookies: t ? { [SESSION_COOKIE]: t, ...opts.cookies } : opts.cookies });
  };
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>) =>
    inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers });
  return {
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body, headers) => send('POST', url, body, headers),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    delete: (url) => inject({ method: 'DELETE', url }),
  };
}

export interface WorldOptions {
  clock?: FakeClock;
  env?: NodeJS.ProcessEnv;
  /** Receives every log line at trace level instead of stdout, for tests that check what the log holds. */
  logTo?: { write(line: string): void };
}

export async function createWorld(opts: WorldOptions = {}): Promise<World> {
  const tdb: TestDatabase = await createTestDatabase();
  const clock = opts.clock ?? new FakeClock('2026-03-02T09:00:00+08:00');
  const logLevel = opts.logTo ? 'trace' : 'silent';
  const config = { ...loadConfig({ QINGFENG_DATA_DIR: tdb.dataDir, LOG_LEVEL: logLevel, QINGFENG_JOBS: '0', ...opts.env }), passwordHashing: FAST_HASH };
  const app = await buildApp({ config, clock, database: tdb.database, env: {} });
  // Request loggers are pino children, which read the destination through their prototype: one swap redirects all.
  if (opts.logTo) (app.log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = opts.logTo;
  const deps = app.deps;
  const tenantId = await createTenant(deps, { code: 'test', name: '测试单位', isDefault: true, isDemo: false });
  const at = nowIso(clock);
  await deps.db.insertInto('setting').values({ tenant_id: tenantId, key: 'security.mfa.required', value: 'false', updated_at: at, updated_by: null }).execute();

  const orgs = {} as Record<FixtureOrg, string>;
  let sort = 0;
  for (const [key, parent, kind, name] of ORGS) {
    orgs[key] = newId();
    const parentId = parent ? orgs[parent] : null;
    await deps.db.insertInto('org').values({ tenant_id: tenantId, id: orgs[key], parent_id: parentId, kind, name, short_name: name, code: null, sort: (sort += 10), status: 'active', created_at: at, updated_at: at }).execute();
    await deps.db.insertInto('org_closure').values({ tenant_id: tenantId, ancestor_id: orgs[key], descendant_id: orgs[key], depth: 0 }).execute();
    if (parentId) {
      const ancestors = await deps.db.selectFrom('org_closure').selectAll().where('tenant_id', '=', tenantId).where('descendant_id', '=', parentId).execute();
      for (const a of ancestors) {
        await deps.db.insertInto('org_closure').values({ tenant_id: tenantId, ancestor_id: a.ancestor_id, descendant_id: orgs[key], depth: a.depth + 1 }).execute();
      }
    }
  }

  const roles = new Map((await deps.db.selectFrom('role').select(['id', 'code']).where('tenant_id', '=', tenantId).execute()).map((r) => [r.code, r.id]));
  const passwordHash = await hashPassword(FIXTURE_PASSWORD, FAST_HASH);
  const users = {} as World['users'];
  for (const [key, u] of Object.entries(fixtureUsers) as [FixtureUser, (typeof fixtureUsers)[FixtureUser]][]) {
    let personId: string | null = null;
    if (u.person) {
      personId = newId();
      await deps.db.insertInto('person').values({
        tenant_id: tenantId, id: personId, name: `${key}同志`, gender: 'male', birth_date: '1980-01-01', political_status: 'cpc_member',
        party_join_date: '2005-07-01', id_number_enc: null, id_number_bidx: null, mobile_enc: null, mobile_bidx: null,
        primary_org_id: orgs[u.person], status: 'active', created_at: at, updated_at: at,
      }).execute();
      await deps.db.insertInto('person_org').values({ tenant_id: tenantId, person_id: personId, org_id: orgs[u.person], is_primary: 1 }).execute();
    }
    const id = newId();
    await deps.db.insertInto('user_account').values({
      tenant_id: tenantId, id, username: key, username_norm: normalizeUsername(key), display_name: key, person_id: personId,
      kind: u.kind, password_hash: passwordHash, password_changed_at: at, must_change_password: 0, status: 'active',
      mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null, locale: 'zh-CN', last_login_at: null, created_at: at, updated_at: at,
    }).execute();
    const scope: ScopeKind = u.scope;
    await deps.db.insertInto('role_assignment').values({
      tenant_id: tenantId, id: newId(), user_id: id, role_id: roles.get(u.role)!, kind: builtinRoles[u.role]!.kind,
      scope_kind: scope, scope_org_id: u.org ? orgs[u.org] : null, created_at: at, created_by: null,
    }).execute();
    users[key] = { id, username: key, personId };
  }

  // A fixture user keeps one session while the fake clock moves a little; when a test jumps the clock past
  // the idle timeout (or back), the next call simply starts a fresh session.
  const sessions = new Map<FixtureUser, { token: string; usedAt: number }>();
  const FRESH_MS = 20 * 60_000;
  const sessionFor = async (user: FixtureUser) => {
    const live = sessions.get(user);
    const now = clock.now().getTime();
    if (live && now >= live.usedAt && now - live.usedAt < FRESH_MS) {
      const still = await deps.db.selectFrom('session').select('id').where('id', '=', deps.crypto.sm3(`session:${live.token}`)).executeTakeFirst();
      if (still) {
        live.usedAt = now;
        return live.token;
      }
    }
    const { token } = await createSession(deps, deps.db, { tenantId, userId: users[user].id, mfaOk: true, sourceIp: '127.0.0.1' });
    sessions.set(user, { token, usedAt: now });
    return token;
  };

  return {
    app,
    deps,
    clock,
    tenantId,
    dataDir: tdb.dataDir,
    sqlitePath: tdb.database.sqlitePath,
    orgs,
    users,
    as: (user) => client(app, async () => (user ? sessionFor(user) : null)),
    withCookie: (token) => client(app, async () => token),
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
