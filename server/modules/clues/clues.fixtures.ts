import type { RegisterClue } from '../../../contracts/clues.js';
import { createSession } from '../../platform/auth/session.js';
import { normalizeUsername } from '../../platform/auth/username.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';

/** Test support: clues made through the API as the fixture's 纪检委员 (discipline), who owns them. */

export const CLUE_REPORTER = { name: '李桂兰', mobile: '13811112222', unit: '长江路街道居民' };
export const CLUE_CONTENT = '反映闸站管理所有人在设备采购中收受供应商购物卡，金额较大，时间在去年第三季度。';
export const CLUE_SUMMARY = '设备采购收受购物卡';

export function clueBody(w: World, o: Partial<RegisterClue> & { org?: FixtureOrg } = {}): RegisterClue {
  const { org, ...rest } = o;
  const named = rest.named ?? true;
  return {
    source: 'letter', named, ...(named ? { reporter: CLUE_REPORTER } : {}), reportedName: '赵某某', reportedOrgId: w.orgs[org ?? 'unitA'],
    reportedLevel: 'section', category: 'integrity', summary: CLUE_SUMMARY, content: CLUE_CONTENT, receivedOn: '2026-03-02', ...rest,
  };
}

async function expectStatus(res: { statusCode: number; body: string }, status: number, what: string): Promise<void> {
  if (res.statusCode !== status) throw new Error(`${what} failed (${res.statusCode}): ${res.body}`);
}

export async function registered(w: World, o: Parameters<typeof clueBody>[1] = {}, by: FixtureUser = 'discipline'): Promise<{ id: string; code: string }> {
  const res = await w.as(by).post('/api/clues', clueBody(w, o));
  await expectStatus(res, 201, 'register clue');
  const body = res.json() as { id: string; code: string };
  return { id: body.id, code: body.code };
}

export async function accepted(w: World, o: Parameters<typeof clueBody>[1] = {}): Promise<string> {
  const { id } = await registered(w, o);
  await expectStatus(await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'accept' }), 200, 'accept clue');
  return id;
}

/** Puts a fixture user on a clue's list through the owner. */
export async function listed(w: World, clueId: string, user: FixtureUser, role: 'handler' | 'approver' | 'owner'): Promise<void> {
  await expectStatus(await w.as('discipline').post(`/api/clues/${clueId}/access`, { accountId: w.users[user].id, role }), 200, 'add access');
}

/** A named clue with a pending identity request by its owner; returns the request id too. */
export async function withIdentityRequest(w: World, purpose: 'handling' | 'referral' = 'handling'): Promise<{ id: string; requestId: string }> {
  const { id } = await registered(w);
  await expectStatus(await w.as('discipline').post(`/api/clues/${id}/identity-requests`, { reason: '核实举报人所述细节', purpose }), 201, 'request identity');
  const row = await w.deps.db.selectFrom('clue_identity_request').select('id').where('tenant_id', '=', w.tenantId).where('clue_id', '=', id).executeTakeFirstOrThrow();
  return { id, requestId: row.id };
}

/** A named clue whose owner holds a live, custodian-approved grant. */
export async function withGrant(w: World, purpose: 'handling' | 'referral' = 'handling'): Promise<string> {
  const { id, requestId } = await withIdentityRequest(w, purpose);
  await expectStatus(await w.as('custodian').post(`/api/clue-identity-requests/${requestId}/decision`, { approve: true, reason: '理由充分，同意' }), 200, 'approve');
  return id;
}

/**
 * One more account beyond the fixture's, with a person in `org` (or none), holding a built-in role over
 * the whole tenant; returns ids and a client with a fresh session.
 */
export async function extraAccount(w: World, o: { username: string; role: string; org: FixtureOrg | null; personName?: string }) {
  const at = nowIso(w.clock);
  let personId: string | null = null;
  if (o.org) {
    personId = newId();
    await w.deps.db.insertInto('person').values({
      tenant_id: w.tenantId, id: personId, name: o.personName ?? `${o.username}同志`, gender: 'male', birth_date: '1980-01-01', political_status: 'cpc_member',
      party_join_date: '2005-07-01', id_number_enc: null, id_number_bidx: null, mobile_enc: null, mobile_bidx: null, primary_org_id: w.orgs[o.org],
      status: 'active', created_at: at, updated_at: at,
    }).execute();
    await w.deps.db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: personId, org_id: w.orgs[o.org], is_primary: 1 }).execute();
  }
  const id = newId();
  const role = await w.deps.db.selectFrom('role').select(['id', 'kind']).where('tenant_id', '=', w.tenantId).where('code', '=', o.role).executeTakeFirstOrThrow();
  await w.deps.db.insertInto('user_account').values({
    tenant_id: w.tenantId, id, username: o.username, username_norm: normalizeUsername(o.username), display_name: o.username, person_id: personId,
    kind: role.kind, password_hash: 'x', password_changed_at: at, must_change_password: 0, status: 'active', mfa_secret: null, mfa_enrolled_at: null,
    mfa_last_step: null, locale: 'zh-CN', last_login_at: null, created_at: at, updated_at: at,
  }).execute();
  await w.deps.db.insertInto('role_assignment').values({
    tenant_id: w.tenantId, id: newId(), user_id: id, role_id: role.id, kind: role.kind, scope_kind: 'tenant', scope_org_id: null, created_at: at, created_by: null,
  }).execute();
  /** A client on a fresh session (call again after moving the clock past the idle timeout). */
  const client = async () => w.withCookie((await createSession(w.deps, w.deps.db, { tenantId: w.tenantId, userId: id, mfaOk: true, sourceIp: '127.0.0.1' })).token);
  return { id, personId, client };
}
