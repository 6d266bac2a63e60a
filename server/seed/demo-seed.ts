import type { SettingKey } from '../../contracts/settings.js';
import { systemCtx, type Ctx, type Deps } from '../platform/context.js';
import { insertAccount } from '../platform/auth/account-store.js';
import { writeAudit } from '../platform/audit/audit.js';
import { transact } from '../platform/db/transact.js';
import { updateSetting } from '../platform/settings/settings.js';
import { createTenant } from '../platform/tenancy/create-tenant.js';
import { runTenantSeeds } from '../platform/tenancy/tenant-seeds.js';
import { nowIso } from '../platform/clock/clock.js';
import { forgetTenants } from '../platform/tenancy/tenancy.js';
import { t } from '../platform/i18n/i18n.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { blindIndex, createPerson } from '../modules/people/people.service.js';
import { createPost } from '../modules/people/posts.service.js';
import { createLeader } from '../modules/people/leaders.service.js';
import { assignRole } from '../modules/accounts/assignments.service.js';
import { buildDemoPlan, DEMO_PASSWORD, type DemoAccount, type DemoPlan } from './demo-plan.js';
import * as find from './demo-lookup.js';
import { ensureDemoClues } from './demo-clues.js';
import { ensureDemoDutyTasks } from './demo-duty-tasks.js';
import { ensureDemoAssessment } from './demo-assessment.js';
import { ensureDemoDutyLetters } from './demo-duty-letters.js';

export const DEMO_TENANT_CODE = 'demo';
export const DEMO_TENANT_NAME = '长江河道管理局';
/** Beside a real tenant the demo one answers on this host name (*.localhost resolves to this machine). */
export const DEMO_HOST = 'demo.localhost';

/** Demo tenants skip what would stand between a visitor and a first look: MFA and password expiry. */
const DEMO_SETTINGS: [SettingKey, unknown][] = [
  ['security.mfa.required', false],
  ['security.password.expiryDays', 0],
];

export interface DemoSeedResult {
  tenantId: string;
  created: { orgs: number; people: number; posts: number; leaders: number; accounts: number; assignments: number };
}

type Ids = Map<string, string>;

async function ensureTenant(deps: Deps, makeDefault: boolean): Promise<string> {
  const existing = await deps.db.selectFrom('tenant').select('id').where('code', '=', DEMO_TENANT_CODE).executeTakeFirst();
  if (existing) return existing.id;
  const id = await createTenant(deps, { code: DEMO_TENANT_CODE, name: DEMO_TENANT_NAME, isDefault: makeDefault, isDemo: true });
  if (!makeDefault) {
    await deps.db.updateTable('tenant').set({ host: DEMO_HOST }).where('id', '=', id).execute();
    forgetTenants();
  }
  return id;
}

async function ensureSettings(ctx: Ctx): Promise<void> {
  for (const [key, value] of DEMO_SETTINGS) {
    if ((await find.storedSetting(ctx.deps.db, ctx.tenantId, key)) !== JSON.stringify(value)) await updateSetting(ctx, key, value);
  }
}

async function ensureOrgs(ctx: Ctx, plan: DemoPlan, ids: Ids, created: DemoSeedResult['created']): Promise<void> {
  let sort = 0;
  for (const o of plan.orgs) {
    sort += 10;
    const parentId = o.parent ? ids.get(o.parent)! : null;
    let id = await find.findOrgId(ctx.deps.db, ctx.tenantId, parentId, o.name);
    if (!id) {
      id = (await createOrg(ctx, { parentId, kind: o.kind, name: o.name, shortName: o.shortName, sort })).id;
      created.orgs += 1;
    }
    ids.set(o.key, id);
  }
}

async function ensurePeople(ctx: Ctx, plan: DemoPlan, orgs: Ids, people: Ids, created: DemoSeedResult['created']): Promise<void> {
  for (const p of plan.people) {
    let id = await find.findPersonIdByBlindIndex(ctx.deps.db, ctx.tenantId, blindIndex(ctx, 'id_number', p.idNumber));
    if (!id) {
      id = (
        await createPerson(ctx, {
          name: p.name, gender: p.gender, birthDate: p.birthDate, politicalStatus: p.politicalStatus, partyJoinDate: p.partyJoinDate,
          idNumber: p.idNumber, mobile: p.mobile, primaryOrgId: orgs.get(p.primaryOrg)!, orgIds: p.orgs.map((o) => orgs.get(o)!),
        })
      ).id;
      created.people += 1;
    }
    people.set(p.key, id);
  }
}

async function ensurePostsAndLeaders(ctx: Ctx, plan: DemoPlan, orgs: Ids, people: Ids, created: DemoSeedResult['created']): Promise<void> {
  for (const [i, p] of plan.posts.entries()) {
    const orgId = orgs.get(p.org)!;
    if (await find.findPostId(ctx.deps.db, ctx.tenantId, orgId, p.name)) continue;
    await createPost(ctx, { orgId, name: p.name, description: p.description, sort: (i + 1) * 10, holderIds: p.holders.map((h) => people.get(h)!) });
    created.posts += 1;
  }
  for (const l of plan.leaders) {
    const personId = people.get(l.person)!;
    if (await find.isLeader(ctx.deps.db, ctx.tenantId, personId)) continue;
    await createLeader(ctx, { personId, title: l.title, sort: l.sort, overseesOrgIds: l.oversees.map((o) => orgs.get(o)!) });
    created.leaders += 1;
  }
}

/** Demo accounts know their password already (documented) and need no first-login change. */
async function ensureAccount(ctx: Ctx, a: DemoAccount, plan: DemoPlan, orgs: Ids, people: Ids, created: DemoSeedResult['created']): Promise<void> {
  const personKey = a.person;
  const person = personKey ? plan.people.find((p) => p.key === personKey)! : null;
  let userId = await find.findUserId(ctx.deps.db, ctx.tenantId, a.username);
  if (!userId) {
    userId = await transact(ctx, async (tx) => {
      const id = await insertAccount(tx, ctx.deps, ctx.tenantId, {
        username: a.username, displayName: person?.name ?? t('zh-CN', `roles.${a.role}`), personId: personKey ? people.get(personKey)! : null, kind: a.kind, password: DEMO_PASSWORD, mustChangePassword: false,
      });
      await writeAudit(tx, ctx, { action: 'user.create', objectType: 'user_account', objectId: id, details: { kind: a.kind } });
      return id;
    });
    created.accounts += 1;
  }
  const roleId = await find.findRoleId(ctx.deps.db, ctx.tenantId, a.role);
  const scopeOrgs = a.scopeOrgs.length ? a.scopeOrgs.map((o) => orgs.get(o)!) : [null];
  for (const scopeOrgId of scopeOrgs) {
    if (await find.hasAssignment(ctx.deps.db, ctx.tenantId, userId, roleId, scopeOrgId)) continue;
    await assignRole(ctx, { userId, roleId, scopeKind: a.scope, scopeOrgId });
    created.assignments += 1;
  }
}

/**
 * The demo tenant 长江河道管理局, written through the same services the API uses (so every row is valid,
 * sealed and audited). Idempotent: each object is looked up by a natural key first, so a second run adds
 * nothing and an interrupted run is completed. The worked examples after the accounts (clues, key tasks,
 * letters, assessment) are the exception: each is skipped once its first record exists, so a run
 * interrupted inside one of them leaves that example part-made.
 */
export async function seedDemo(deps: Deps, opts: { makeDefault: boolean }): Promise<DemoSeedResult> {
  const plan = buildDemoPlan();
  const tenantId = await ensureTenant(deps, opts.makeDefault);
  const ctx = systemCtx(deps, tenantId);
  const created = { orgs: 0, people: 0, posts: 0, leaders: 0, accounts: 0, assignments: 0 };
  await ensureSettings(ctx);
  const orgs: Ids = new Map();
  const people: Ids = new Map();
  await ensureOrgs(ctx, plan, orgs, created);
  // Module seeds that hang off the org tree (the complaint catalogue's responsible org) find it only now.
  await runTenantSeeds(deps.db, tenantId, nowIso(deps.clock));
  await ensurePeople(ctx, plan, orgs, people, created);
  await ensurePostsAndLeaders(ctx, plan, orgs, people, created);
  for (const a of plan.accounts) await ensureAccount(ctx, a, plan, orgs, people, created);
  await ensureDemoClues(deps, tenantId, orgs, people);
  await ensureDemoDutyTasks(deps, tenantId, orgs.get('bureau')!);
  await ensureDemoDutyLetters(deps, tenantId);
  await ensureDemoAssessment(deps, tenantId, orgs, people);
  return { tenantId, created };
}
