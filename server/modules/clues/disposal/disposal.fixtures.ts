import type { ClueMethod } from '../../../../contracts/clues.js';
import { builtinRoles } from '../../../../contracts/permissions.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { normalizeUsername } from '../../../platform/auth/username.js';
import type { World } from '../../../test/world.js';

export const REPORTER_NAME = '举报人甲乙';

const officers = new WeakMap<World, string>();

/** A second 纪检 officer (the second interviewer), made once per world. */
export async function secondOfficer(w: World): Promise<string> {
  const known = officers.get(w);
  if (known) return known;
  const at = nowIso(w.clock);
  const id = newId();
  const role = await w.deps.db.selectFrom('role').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', 'discipline_officer').executeTakeFirstOrThrow();
  const hash = await w.deps.db.selectFrom('user_account').select('password_hash').where('id', '=', w.users.discipline.id).executeTakeFirstOrThrow();
  await w.deps.db.insertInto('user_account').values({
    tenant_id: w.tenantId, id, username: 'jijian2', username_norm: normalizeUsername('jijian2'), display_name: 'jijian2', person_id: null,
    kind: 'business', password_hash: hash.password_hash, password_changed_at: at, must_change_password: 0, status: 'active',
    mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null, locale: 'zh-CN', last_login_at: null, created_at: at, updated_at: at,
  }).execute();
  await w.deps.db.insertInto('role_assignment').values({
    tenant_id: w.tenantId, id: newId(), user_id: id, role_id: role.id, kind: builtinRoles.discipline_officer!.kind, scope_kind: 'tenant', scope_org_id: null, created_at: at, created_by: null,
  }).execute();
  officers.set(w, id);
  return id;
}

export interface ClueOptions {
  named?: boolean;
  receivedOn?: string;
  /** The reported person (default: unitOfficer's person in 闸站管理所, so the secretary and discipline are not recused). */
  reportedPersonId?: string | null;
}

/** A clue registered by discipline (its owner) and accepted, with the secretary on its list as approver. */
export async function acceptedClue(w: World, o: ClueOptions = {}): Promise<{ id: string; code: string }> {
  const named = o.named ?? true;
  const reported = o.reportedPersonId === undefined ? w.users.unitOfficer.personId : o.reportedPersonId;
  const res = await w.as('discipline').post('/api/clues', {
    source: 'letter', named, ...(named ? { reporter: { name: REPORTER_NAME, mobile: '13800000000', unit: '某村' } } : {}),
    ...(reported ? { reportedPersonId: reported } : { reportedName: '某干部' }), reportedOrgId: w.orgs.unitA, reportedLevel: 'section',
    category: 'integrity', summary: '反映违规发放补贴', content: '反映某干部违规发放补贴的具体情况。', receivedOn: o.receivedOn ?? today(w.clock),
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.body}`);
  const { id, code } = res.json() as { id: string; code: string };
  const scope = await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'accept' });
  if (scope.statusCode !== 200) throw new Error(`scope: ${scope.body}`);
  const approver = await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: w.users.secretary.id, role: 'approver' });
  if (approver.statusCode >= 300) throw new Error(`approver: ${approver.body}`);
  return { id, code };
}

async function ok(res: Promise<{ statusCode: number; body: string }>, what: string): Promise<void> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
}

export type Stage = 'proposed' | 'studied' | 'approved';

/** Proposes `method`, studies it and has the secretary approve it, stopping at `stage`. */
export async function advance(w: World, id: string, method: ClueMethod, stage: Stage = 'approved'): Promise<void> {
  await ok(w.as('discipline').post(`/api/clues/${id}/proposal`, { method, reason: '拟按此方式处置' }), 'proposal');
  if (stage === 'proposed') return;
  await ok(w.as('discipline').post(`/api/clues/${id}/study`, {
    meetingOn: today(w.clock), attendees: [w.users.discipline.id, w.users.secretary.id],
    opinions: [{ accountId: w.users.discipline.id, opinion: '同意' }, { accountId: w.users.secretary.id, opinion: '同意' }], conclusion: '集体研究同意',
  }), 'study');
  if (stage === 'studied') return;
  await ok(w.as('secretary').post(`/api/clues/${id}/approval`, { approve: true, note: '同意' }), 'approval');
}

/** A 谈话函询 by letter up to the endorsed reply (status concluded). */
export async function concludedByLetter(w: World, id: string): Promise<void> {
  await advance(w, id, 'talk_inquiry');
  const day = today(w.clock);
  await ok(w.as('discipline').post(`/api/clues/${id}/talk-inquiry/plan`, { mode: 'letter', plannedOn: day, note: '函询' }), 'plan');
  await ok(w.as('discipline').post(`/api/clues/${id}/talk-inquiry/letter`, { sentOn: day }), 'letter');
  await ok(w.as('discipline').post(`/api/clues/${id}/talk-inquiry/reply`, { receivedOn: day, content: '书面说明', endorsedBy: '单位主要负责人', endorsedOn: day }), 'reply');
}

/** 谈话函询 planned in `mode`; for a talk, jijian2 is on the list as handler so two interviewers can sign. */
export async function talkPlanned(w: World, mode: 'talk' | 'letter'): Promise<string> {
  const { id } = await acceptedClue(w);
  await advance(w, id, 'talk_inquiry');
  if (mode === 'talk') await ok(w.as('discipline').post(`/api/clues/${id}/access`, { accountId: await secondOfficer(w), role: 'handler' }), 'handler');
  await ok(w.as('discipline').post(`/api/clues/${id}/talk-inquiry/plan`, { mode, plannedOn: today(w.clock), note: '方案' }), 'plan');
  return id;
}

export async function letterSent(w: World): Promise<string> {
  const id = await talkPlanned(w, 'letter');
  await ok(w.as('discipline').post(`/api/clues/${id}/talk-inquiry/letter`, { sentOn: today(w.clock) }), 'letter');
  return id;
}

export async function concluded(w: World, o: ClueOptions = {}): Promise<string> {
  const { id } = await acceptedClue(w, o);
  await concludedByLetter(w, id);
  return id;
}

const quarterOf = (w: World) => {
  const d = today(w.clock);
  return { year: Number(d.slice(0, 4)), quarter: Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1 };
};

/** A concluded 谈话函询 whose reply the quarterly draw selected: earlier replies are drawn off first, so it is alone. */
export async function spotSelected(w: World): Promise<string> {
  await ok(w.as('discipline').post('/api/clues/spot-checks/draw', quarterOf(w)), 'draw off');
  const id = await concluded(w);
  await ok(w.as('discipline').post('/api/clues/spot-checks/draw', quarterOf(w)), 'draw');
  return id;
}

export async function checkPlanned(w: World, findings = false): Promise<string> {
  const { id } = await acceptedClue(w);
  await advance(w, id, 'preliminary_check');
  await ok(w.as('discipline').post(`/api/clues/${id}/preliminary-check/plan`, { plan: '初核方案' }), 'check plan');
  if (findings) await ok(w.as('discipline').post(`/api/clues/${id}/preliminary-check/findings`, { findings: '初核发现' }), 'findings');
  return id;
}

export async function approvedFor(w: World, method: ClueMethod): Promise<string> {
  const { id } = await acceptedClue(w);
  await advance(w, id, method);
  return id;
}

export async function shelved(w: World): Promise<string> {
  const id = await approvedFor(w, 'shelve');
  await ok(w.as('discipline').post(`/api/clues/${id}/shelve`, { reason: '条件暂不具备', reviewOn: '2026-12-01' }), 'shelve');
  return id;
}

export async function closedClue(w: World, optIn = false): Promise<string> {
  const id = await concluded(w);
  await ok(w.as('discipline').post(`/api/clues/${id}/close`, {}), 'close');
  if (optIn) await ok(w.as('discipline').post(`/api/clues/${id}/notices`, { kind: 'result', toldOn: today(w.clock), method: 'phone', note: '', retaliationCheckOptIn: true }), 'result notice');
  return id;
}

/** Takes discipline off a clue's list behind the service's back (a second owner stays), for the 404 checks. */
export async function offList(w: World, id: string): Promise<string> {
  const at = nowIso(w.clock);
  await w.deps.db.insertInto('clue_access').values({ tenant_id: w.tenantId, id: newId(), clue_id: id, account_id: await secondOfficer(w), role: 'owner', added_by: null, added_at: at, removed_by: null, removed_at: null }).execute();
  await w.deps.db.updateTable('clue_access').set({ removed_at: at }).where('tenant_id', '=', w.tenantId).where('clue_id', '=', id).where('account_id', '=', w.users.discipline.id).execute();
  return id;
}
