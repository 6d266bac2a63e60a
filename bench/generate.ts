import crypto from 'node:crypto';
import { sql } from 'kysely';
import { builtinRoles } from '../contracts/permissions.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { hashPassword } from '../server/platform/auth/password.js';
import { createSession } from '../server/platform/auth/session.js';
import { normalizeUsername } from '../server/platform/auth/username.js';
import { nowIso } from '../server/platform/clock/clock.js';
import { systemCtx, type Deps } from '../server/platform/context.js';
import { newId } from '../server/platform/db/ids.js';
import { createTenant } from '../server/platform/tenancy/create-tenant.js';
import type { PersonTable } from '../server/modules/people/people.tables.js';
import { seal } from '../server/modules/people/people.service.js';
import { makeIdNumber, makeMobile } from '../server/seed/id-number.js';
import { makeName } from '../server/seed/names.js';
import { seededRng } from '../server/seed/prng.js';

const UNITS = ['荆州', '宜昌', '岳阳', '武汉', '九江', '安庆', '芜湖'];
const SECTIONS = ['办公室', '财务股', '工程股', '运行股', '安全股', '综合股'];

export interface BenchData {
  /** The subtree the benchmark user may read (one unit and its sections). */
  scopeOrgId: string;
  /** People inside that subtree, as the list route must count them. */
  peopleInScope: number;
  orgs: number;
  sessionToken: string;
  ms: { orgsAndUser: number; people: number; total: number };
}

interface OrgRow {
  id: string;
  parent: string | null;
  kind: 'bureau' | 'subordinate_unit' | 'section';
  name: string;
}

/** Bureau → 7 units → 6 sections each: 50 orgs, written with their closure rows in one transaction. */
async function insertOrgTree(deps: Deps, tenantId: string): Promise<OrgRow[]> {
  const root: OrgRow = { id: newId(), parent: null, kind: 'bureau', name: '长江河道管理局' };
  const rows: OrgRow[] = [root];
  for (const u of UNITS) {
    const unit: OrgRow = { id: newId(), parent: root.id, kind: 'subordinate_unit', name: `${u}管理所` };
    rows.push(unit, ...SECTIONS.map((s): OrgRow => ({ id: newId(), parent: unit.id, kind: 'section', name: `${u}所${s}` })));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const at = nowIso(deps.clock);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('org')
      .values(rows.map((r, i) => ({ tenant_id: tenantId, id: r.id, parent_id: r.parent, kind: r.kind, name: r.name, short_name: r.name, code: null, sort: (i + 1) * 10, status: 'active' as const, created_at: at, updated_at: at })))
      .execute();
    const closure = rows.flatMap((r) => {
      const out = [];
      for (let a: OrgRow | undefined = r, depth = 0; a; a = a.parent ? byId.get(a.parent) : undefined, depth += 1) {
        out.push({ tenant_id: tenantId, ancestor_id: a.id, descendant_id: r.id, depth });
      }
      return out;
    });
    await tx.insertInto('org_closure').values(closure).execute();
  });
  return rows;
}

/** Rows per INSERT (16 columns: far below both databases' parameter limits) and rows per transaction. */
const ROWS_PER_INSERT = 1000;
const ROWS_PER_TX = 20_000;

/**
 * People spread evenly over the units and sections, each ID number and mobile sealed and blind-indexed
 * by the people module's own `seal`, so the list route decrypts real envelopes. Large transactions keep
 * the number of durable commits (fsyncs) small: that, not the inserts, is what a bulk load waits on.
 */
async function insertPeople(deps: Deps, tenantId: string, orgIds: string[], count: number): Promise<void> {
  const ctx = systemCtx(deps, tenantId);
  const rng = seededRng(count);
  const at = nowIso(deps.clock);
  for (let txStart = 0; txStart < count; txStart += ROWS_PER_TX) {
    await deps.db.transaction().execute(async (tx) => {
      for (let start = txStart; start < Math.min(count, txStart + ROWS_PER_TX); start += ROWS_PER_INSERT) {
        const people: PersonTable[] = [];
        for (let i = start; i < Math.min(count, start + ROWS_PER_INSERT); i++) {
          const id = newId();
          const gender = rng.chance(0.6) ? 'male' : 'female';
          const member = rng.chance(0.7);
          const born = rng.int(1965, 2002);
          const birthDate = `${born}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
          const idNumber = seal(ctx, id, 'id_number', makeIdNumber(rng, birthDate, gender));
          const mobile = seal(ctx, id, 'mobile', makeMobile(rng));
          people.push({
            tenant_id: tenantId, id, name: makeName(rng, gender), gender, birth_date: birthDate,
            political_status: member ? 'cpc_member' : 'masses', party_join_date: member ? `${born + rng.int(20, 30)}-07-01` : null,
            id_number_enc: idNumber.enc, id_number_bidx: idNumber.bidx, mobile_enc: mobile.enc, mobile_bidx: mobile.bidx,
            primary_org_id: orgIds[i % orgIds.length]!, status: 'active', created_at: at, updated_at: at,
          });
        }
        await tx.insertInto('person').values(people).execute();
        await tx.insertInto('person_org').values(people.map((p) => ({ tenant_id: tenantId, person_id: p.id, org_id: p.primary_org_id, is_primary: 1 as const }))).execute();
      }
    });
  }
}

/** An 组织干事 whose data scope is one unit's subtree, not the tenant: the list query must apply it. */
async function insertScopedUser(deps: Deps, tenantId: string, scopeOrgId: string): Promise<string> {
  const at = nowIso(deps.clock);
  const role = await deps.db.selectFrom('role').select('id').where('tenant_id', '=', tenantId).where('code', '=', 'org_officer').executeTakeFirstOrThrow();
  const id = newId();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('user_account')
      .values({
        tenant_id: tenantId, id, username: 'bench', username_norm: normalizeUsername('bench'), display_name: '压测账号', person_id: null,
        kind: 'business', password_hash: await hashPassword(crypto.randomBytes(18).toString('base64url'), deps.config.passwordHashing),
        password_changed_at: at, must_change_password: 0, status: 'active', mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null,
        locale: 'zh-CN', last_login_at: null, created_at: at, updated_at: at,
      })
      .execute();
    await tx
      .insertInto('role_assignment')
      .values({ tenant_id: tenantId, id: newId(), user_id: id, role_id: role.id, kind: builtinRoles.org_officer!.kind, scope_kind: 'subtree', scope_org_id: scopeOrgId, created_at: at, created_by: null })
      .execute();
  });
  return id;
}

/**
 * A fresh data set in `dataDir` (and the given PostgreSQL URL's schema): the tenant, 50 orgs, `people`
 * people and a signed-in subtree-scoped user. `qingfeng bench-data` commits every 500 rows, which on a
 * durable SQLite (synchronous=FULL) makes 100k people take about 30 s here; this loader commits every
 * 20 000 rows.
 */
export async function generateBenchData(opts: { dataDir: string; databaseUrl: string | null; people: number }): Promise<BenchData> {
  const started = Date.now();
  const config = loadConfig({ QINGFENG_DATA_DIR: opts.dataDir, DATABASE_URL: opts.databaseUrl ?? '', LOG_LEVEL: 'warn', QINGFENG_JOBS: '0' });
  const app = await buildApp({ config, env: {} });
  try {
    const deps = app.deps;
    const tenantId = await createTenant(deps, { code: 'bench', name: '长江河道管理局', isDefault: true, isDemo: false });
    const orgs = await insertOrgTree(deps, tenantId);
    const scopeOrgId = orgs.find((o) => o.kind === 'subordinate_unit' && o.name.startsWith(UNITS[2]!))!.id;
    const userId = await insertScopedUser(deps, tenantId, scopeOrgId);
    const orgsDone = Date.now();

    await insertPeople(deps, tenantId, orgs.filter((o) => o.kind !== 'bureau').map((o) => o.id), opts.people);
    // PostgreSQL's autovacuum would gather planner statistics soon after a bulk load; do it now instead of mid-run.
    if (deps.dialect === 'postgres') await sql`analyze`.execute(deps.db);
    const peopleDone = Date.now();

    const inScope = await deps.db
      .selectFrom('person')
      .select(sql<number>`count(*)`.as('n'))
      .where('tenant_id', '=', tenantId)
      .where('primary_org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', tenantId).where('ancestor_id', '=', scopeOrgId))
      .executeTakeFirstOrThrow();
    const { token } = await createSession(deps, deps.db, { tenantId, userId, mfaOk: true, sourceIp: '127.0.0.1' });
    return {
      scopeOrgId,
      peopleInScope: Number(inScope.n),
      orgs: orgs.length,
      sessionToken: token,
      ms: { orgsAndUser: orgsDone - started, people: peopleDone - orgsDone, total: Date.now() - started },
    };
  } finally {
    await app.close();
  }
}
