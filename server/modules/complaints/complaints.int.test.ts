import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../platform/clock/clock.js';
import { runTenantSeeds } from '../../platform/tenancy/tenant-seeds.js';
import { createWorld, type World } from '../../test/world.js';
import { answered, builtinMatter, dispatched, inProgress, intake, rate, rated, REPORTER, withExtensionRequest } from './complaints.fixtures.js';

/**
 * The world's clock stands on Monday 2026-03-02. An answer is due 13 working days after 交办 (or 重办):
 * 03-03 … 03-06 (4), 03-09 … 03-13 (9), 03-16 … 03-19 (13) → 03-19.
 */
let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const get = async (id: string) => (await w.as('discipline').get(`/api/complaints/${id}`)).json();
const kinds = (c: { timeline: { kind: string }[] }) => c.timeline.map((e) => e.kind);

/** Runs `fn` with the clock on another day, then puts it back. */
async function on<T>(date: string, fn: () => Promise<T>): Promise<T> {
  const at = w.clock.now().toISOString();
  w.clock.set(`${date}T09:00:00+08:00`);
  try {
    return await fn();
  } finally {
    w.clock.set(at);
  }
}

describe('the complaint life cycle', () => {
  it('runs 提交 → 分办 → 交办 → 办理中 → 已答复 → 已评价 → 办结, with internal notes apart from the public exchange', async () => {
    const { id, code, receiptCode } = await intake(w);
    expect(code).toMatch(/^TS-2026-\d{6}$/);
    expect(receiptCode).toMatch(/^\d{16}$/);
    const d = w.as('discipline');
    const fresh = await get(id);
    expect(fresh).toMatchObject({ status: 'submitted', channel: 'phone', anonymous: true, reporterMasked: null, responsibleOrg: null });
    expect(fresh.actions).toEqual(expect.arrayContaining(['assign', 'reject']));

    const a = (await d.post(`/api/complaints/${id}/assign`, { responsibleOrgId: w.orgs.branch1, note: '请第一党支部核实' })).json();
    expect(a).toMatchObject({ status: 'assigned', responsibleOrg: { id: w.orgs.branch1, name: '第一党支部' } });
    const disp = (await d.post(`/api/complaints/${id}/dispatch`, {})).json();
    expect(disp).toMatchObject({ status: 'dispatched', dueDate: '2026-03-19' });

    const bs = w.as('branchSecretary');
    expect((await bs.get(`/api/complaints/${id}`)).json().actions).toEqual(expect.arrayContaining(['accept', 'request_extension', 'note', 'message']));
    expect((await bs.post(`/api/complaints/${id}/answer`, { answer: '太早了' })).json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'dispatched' } });
    expect((await bs.post(`/api/complaints/${id}/accept`, {})).json().status).toBe('in_progress');
    await bs.post(`/api/complaints/${id}/notes`, { body: '经查公函确有缺失，系经办人疏忽' });
    await bs.post(`/api/complaints/${id}/messages`, { body: '您好，请问接待发生在哪一天？' });
    const first = (await bs.post(`/api/complaints/${id}/answer`, { answer: '已补办公函，接待清单已补齐。' })).json();
    expect(first).toMatchObject({ status: 'answered', answer: '已补办公函，接待清单已补齐。' });
    expect(first.notes).toEqual([expect.objectContaining({ body: '经查公函确有缺失，系经办人疏忽', authorName: 'branchSecretary' })]);
    expect(first.messages).toEqual([expect.objectContaining({ from: 'handler', body: '您好，请问接待发生在哪一天？' })]);

    await rate(w, id, 'dissatisfied');
    expect((await d.post(`/api/complaints/${id}/close`, {})).statusCode).toBe(200);
    const closedEarly = await get(id);
    expect(closedEarly.status).toBe('closed');
    expect(closedEarly.actions).not.toContain('redo');
  });

  it('重办 opens a second answer round with a new due date, and a second rating follows', async () => {
    const id = await rated(w, 'dissatisfied');
    const d = w.as('discipline');
    expect((await get(id)).dueDate).toBe('2026-03-19');
    // 重办 on Wednesday 03-04 counts afresh: 03-05, 03-06 (2), 03-09 … 03-13 (7), 03-16 … 03-20 (12), 03-23 (13).
    const done = await on('2026-03-04', async () => {
      expect((await d.post(`/api/complaints/${id}/redo`, { note: '群众不满意，责成重新核查' })).json()).toMatchObject({ status: 'in_progress', redos: 1, dissatisfied: 1, dueDate: '2026-03-23' });
      expect((await d.post(`/api/complaints/${id}/redo`, { note: '再次重办' })).json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'in_progress' } });
      await d.post(`/api/complaints/${id}/answer`, { answer: '重新核查后，已对经办人批评教育。' });
      await rate(w, id, 'basically_satisfied');
      return (await d.post(`/api/complaints/${id}/close`, { note: '予以办结' })).json();
    });
    expect(done.status).toBe('closed');
    expect(done.ratings.map((r: { round: number; rating: string }) => [r.round, r.rating])).toEqual([[1, 'dissatisfied'], [2, 'basically_satisfied']]);
    expect(done.ratings[0].comment).toBe('处理意见已收到');
    expect(kinds(done)).toEqual(['submitted', 'assigned', 'dispatched', 'accepted', 'answered', 'rated', 'redo', 'answered', 'rated', 'closed']);
    expect(done.timeline.find((e: { kind: string }) => e.kind === 'redo')).toMatchObject({ visibility: 'public', note: '群众不满意，责成重新核查', actorName: 'discipline' });
  });

  it('allows one 重办: after a second 不满意 the redo is neither offered nor accepted, and 监督部门 closes', async () => {
    const id = await rated(w, 'dissatisfied');
    const d = w.as('discipline');
    expect((await get(id)).actions).toContain('redo');
    await d.post(`/api/complaints/${id}/redo`, { note: '群众不满意，责成重新核查' });
    await d.post(`/api/complaints/${id}/answer`, { answer: '重新核查后，情况属实，已整改。' });
    await rate(w, id, 'dissatisfied');
    const twice = await get(id);
    expect(twice).toMatchObject({ status: 'rated', redos: 1, dissatisfied: 2 });
    expect(twice.actions).not.toContain('redo');
    expect(twice.actions).toContain('close');
    const refused = await d.post(`/api/complaints/${id}/redo`, { note: '第三轮' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'STATE_INVALID', params: { action: 'redo', state: 'redo_limit' } });
    expect((await get(id)).redos).toBe(1);
    expect((await d.post(`/api/complaints/${id}/close`, { note: '两次不满意，经研究予以办结' })).json().status).toBe('closed');
  });

  it('不予受理 keeps its reason for the reporter and ends the complaint', async () => {
    const { id } = await intake(w);
    const r = (await w.as('discipline').post(`/api/complaints/${id}/reject`, { reason: '不属于本单位受理范围，请向属地政府反映。' })).json();
    expect(r).toMatchObject({ status: 'rejected', rejectionReason: '不属于本单位受理范围，请向属地政府反映。', sla: null, actions: ['note'] });
    expect((await w.as('discipline').post(`/api/complaints/${id}/assign`, { responsibleOrgId: w.orgs.branch1 })).statusCode).toBe(409);
  });

  it('takes two steps sent at once on one complaint one after the other: the second sees what the first did', async () => {
    const events = async (id: string, kind: string) =>
      (await w.deps.db.selectFrom('complaint_event').select('id').where('complaint_id', '=', id).where('kind', '=', kind).execute()).length;
    const closing = await rated(w, 'satisfied');
    const closes = await Promise.all([1, 2].map(() => w.as('discipline').post(`/api/complaints/${closing}/close`, {})));
    expect(closes.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await events(closing, 'closed')).toBe(1);

    const redoing = await rated(w, 'dissatisfied');
    const redos = await Promise.all([1, 2].map(() => w.as('discipline').post(`/api/complaints/${redoing}/redo`, { note: '请补充说明处理结果' })));
    expect(redos.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await w.deps.db.selectFrom('complaint').select('redos').where('id', '=', redoing).executeTakeFirstOrThrow()).redos).toBe(1);
    expect(await events(redoing, 'redo')).toBe(1);
  });

  it('closes an answered complaint the reporter never rated only after the auto-close days', async () => {
    const id = await answered(w);
    expect((await w.as('discipline').post(`/api/complaints/${id}/close`, {})).json().error.params.state).toBe('awaiting_rating');
    const at = w.clock.now().toISOString();
    w.clock.set(new Date(Date.parse(at) + 15 * 86_400_000).toISOString());
    try {
      expect((await w.as('discipline').post(`/api/complaints/${id}/close`, {})).json().status).toBe('closed');
    } finally {
      w.clock.set(at);
    }
  });
});

describe('staff intake', () => {
  it('answers a retried intake with the same receipt and registers the complaint once', async () => {
    const body = { channel: 'referral', matterId: await builtinMatter(w), orgId: w.orgs.unitA, content: '上级转来：闸站管理所违规发放补贴。', anonymous: true, referralSource: '市纪委' };
    const headers = { 'idempotency-key': 'intake-retry-0001' };
    const first = await w.as('discipline').post('/api/complaints', body, headers);
    const again = await w.as('discipline').post('/api/complaints', body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const rows = await w.deps.db.selectFrom('complaint').select(['id', 'receipt_hash', 'referral_source']).where('code', '=', first.json().code).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.receipt_hash).not.toContain(first.json().receiptCode);
    expect((await get(rows[0]!.id)).referralSource).toBe('市纪委');
  });

  it('refuses a named complaint without a mobile and an anonymous one with a name, storing nothing', async () => {
    const before = await w.deps.db.selectFrom('complaint').select('id').execute();
    const base = { channel: 'phone', matterId: await builtinMatter(w), orgId: w.orgs.office, content: '反映问题' };
    expect((await w.as('discipline').post('/api/complaints', { ...base, anonymous: false, name: '张三' })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', params: { field: 'anonymous' } });
    expect((await w.as('discipline').post('/api/complaints', { ...base, anonymous: true, name: '张三' })).statusCode).toBe(400);
    expect((await w.as('discipline').post('/api/complaints', { ...base, anonymous: true, duplicateOf: w.orgs.office })).statusCode).toBe(404);
    expect(await w.deps.db.selectFrom('complaint').select('id').execute()).toHaveLength(before.length);
  });
});

describe('延期', () => {
  it('approves at most two, keeps every reason and decision, and never lets the requester decide', async () => {
    const { id, extensionId } = await withExtensionRequest(w);
    const bs = w.as('branchSecretary');
    const d = w.as('discipline');
    expect((await bs.post(`/api/complaints/${id}/extensions`, { days: 2, reason: '再等等' })).json().error.params.state).toBe('extension_pending');
    // Due 03-19; three working days more: 03-20, 03-23, 03-24.
    expect((await d.post(`/api/complaints/${id}/extensions/${extensionId}/decision`, { approve: true, note: '同意' })).json().dueDate).toBe('2026-03-24');

    const second = (await bs.post(`/api/complaints/${id}/extensions`, { days: 2, reason: '当事人出差' })).json();
    const refused = (await d.post(`/api/complaints/${id}/extensions/${second.extensionList[1].id}/decision`, { approve: false, note: '理由不充分' })).json();
    expect(refused.dueDate).toBe('2026-03-24');
    const third = (await bs.post(`/api/complaints/${id}/extensions`, { days: 2, reason: '仍需核实' })).json();
    const afterThird = (await d.post(`/api/complaints/${id}/extensions/${third.extensionList[2].id}/decision`, { approve: true })).json();
    // Two more: 03-25, 03-26. 红 for the third request, with the answer days not yet passed and the due date far.
    expect(afterThird).toMatchObject({ dueDate: '2026-03-26', extensions: 3, sla: 'red' });

    const limit = await bs.post(`/api/complaints/${id}/extensions`, { days: 1, reason: '再延一次' });
    expect(limit.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'extension_limit' } });
    const final = await get(id);
    expect(final.extensionList.map((x: { status: string; reason: string }) => [x.status, x.reason])).toEqual([
      ['approved', '需要调取财务凭证核实'], ['rejected', '当事人出差'], ['approved', '仍需核实'],
    ]);
    expect(final.actions).not.toContain('request_extension');

    const own = await withExtensionRequest(w);
    const mine = await d.post(`/api/complaints/${own.id}/extensions`, { days: 1, reason: '纪检自己申请' });
    expect(mine.statusCode).toBe(409);
    const other = await inProgress(w);
    const x = (await d.post(`/api/complaints/${other}/extensions`, { days: 1, reason: '纪检自己申请' })).json();
    expect((await d.post(`/api/complaints/${other}/extensions/${x.extensionList[0].id}/decision`, { approve: true })).json().error).toMatchObject({ code: 'FORBIDDEN', params: { reason: 'own_request' } });
  });
});

describe('one case, many reporters', () => {
  it('links a duplicate at intake and merges cases later, each complaint keeping its own code and receipt', async () => {
    const first = await intake(w);
    const dup = await w.as('discipline').post('/api/complaints', {
      channel: 'visit', matterId: await builtinMatter(w), orgId: w.orgs.office, content: '同一件事，我也来反映一下。', anonymous: true, duplicateOf: first.id,
    });
    expect(dup.statusCode).toBe(201);
    expect(dup.json().receiptCode).not.toBe(first.receiptCode);
    const one = await get(first.id);
    expect(one.caseId).toBe(first.id);
    expect(one.linked).toEqual([expect.objectContaining({ code: dup.json().code })]);

    const third = await intake(w);
    const fourth = await intake(w);
    await w.as('discipline').post(`/api/complaints/${third.id}/link`, { otherId: fourth.id });
    expect((await w.as('discipline').post(`/api/complaints/${fourth.id}/link`, { otherId: first.id })).statusCode).toBe(200);
    const all = await Promise.all([first.id, third.id, fourth.id].map(get));
    expect(new Set(all.map((c) => c.caseId)).size).toBe(1);
    expect(all.map((c) => c.linked.length)).toEqual([3, 3, 3]);
    expect(all[0].linked.map((l: { code: string }) => l.code)).toContain(dup.json().code);
    expect((await w.as('discipline').post(`/api/complaints/${first.id}/link`, { otherId: first.id })).statusCode).toBe(400);
  });
});

describe('整改 from a complaint', () => {
  it('creates a rectification item for the accused org without copying the complaint', async () => {
    const id = await answered(w, { content: '举报内容里的细节不应出现在整改台账里' });
    const res = await w.as('discipline').post(`/api/complaints/${id}/rectification`, { title: '公务接待手续不全', ownerId: w.users.staff.personId, days: 10, measure: '建立接待审批台账' });
    const c = res.json();
    expect(c.rectifications).toEqual([expect.objectContaining({ status: 'pending' })]);
    const item = (await w.as('discipline').get(`/api/rectification/${c.rectifications[0].id}`)).json();
    expect(item).toMatchObject({ sourceType: 'complaint', sourceId: id, sourceLabel: c.code, org: { id: w.orgs.office }, problem: '公务接待手续不全' });
    expect(JSON.stringify(item)).not.toContain('举报内容');
  });
});

describe('reporter identity', () => {
  it('is masked in the detail, revealed in full only with a reason, and every view is kept', async () => {
    const { id } = await intake(w, { named: true });
    expect((await get(id)).reporterMasked).toEqual({ name: '王*', mobile: '139****5678' });
    expect((await w.as('discipline').post(`/api/complaints/${id}/identity`, { reason: '回访' })).json()).toEqual(REPORTER);
    expect((await w.as('discipline').post(`/api/complaints/${id}/identity`, { reason: '再次回访' })).statusCode).toBe(200);
    const views = await w.deps.db.selectFrom('complaint_identity_view').select(['reason', 'user_id']).where('complaint_id', '=', id).orderBy('at').execute();
    expect(views).toEqual([{ reason: '回访', user_id: w.users.discipline.id }, { reason: '再次回访', user_id: w.users.discipline.id }]);
    const audits = await w.deps.db.selectFrom('audit_log').select(['action', 'details']).where('object_id', '=', id).where('action', '=', 'complaint.identity_view').execute();
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.details).join()).not.toContain('王秀英');
    const anonymous = (await intake(w)).id;
    expect((await w.as('discipline').post(`/api/complaints/${anonymous}/identity`, { reason: '回访' })).json().error.params.state).toBe('anonymous');
    expect((await w.as('secretary').get(`/api/complaints/${id}`)).json().reporterMasked.name).toBe('王*');
  });
});

describe('the 监督事项清单', () => {
  it('is seeded once per tenant with six categories and keeps an edited entry as edited', async () => {
    const cat = (await w.as('secretary').get('/api/complaint-catalogue')).json().items;
    expect(cat.map((c: { code: string }) => c.code)).toEqual(['party_affairs', 'government_affairs', 'three_assets', 'livelihood_funds', 'small_projects', 'other']);
    expect(cat[0]).toMatchObject({ name: '党务', nameEn: 'Party affairs' });
    expect(cat.every((c: { matters: { responsibleOrg: { id: string } }[] }) => c.matters.length >= 2 && c.matters.every((m) => m.responsibleOrg.id === w.orgs.bureau))).toBe(true);

    const d = w.as('discipline');
    await d.patch(`/api/complaint-catalogue/categories/${cat[2].id}`, { enabled: false });
    await d.patch(`/api/complaint-catalogue/matters/${cat[0].matters[0].id}`, { name: '党组织换届', answerDays: 3 });
    await runTenantSeeds(w.deps.db, w.tenantId, nowIso(w.clock));
    const again = (await d.get('/api/complaint-catalogue')).json().items;
    expect(again.map((c: { matters: unknown[] }) => c.matters.length)).toEqual(cat.map((c: { matters: unknown[] }) => c.matters.length));
    expect(again[2].enabled).toBe(false);
    expect(again[0].matters[0]).toMatchObject({ name: '党组织换届', answerDays: 3, assignDays: null });
    expect((await d.post('/api/complaint-catalogue/categories', { code: 'other', name: '重复', nameEn: 'Dup' })).json().error).toMatchObject({ code: 'DUPLICATE' });
    const m = await d.post('/api/complaint-catalogue/matters', { categoryId: cat[3].id, name: '防汛补贴发放', responsibleOrgId: w.orgs.unitA, answerDays: 10 });
    expect(m.json()).toMatchObject({ responsibleOrg: { id: w.orgs.unitA, name: '闸站管理所' }, answerDays: 10, enabled: true });
    expect((await d.post('/api/complaint-catalogue/matters', { categoryId: cat[3].id, name: '不存在的单位', responsibleOrgId: w.users.staff.personId })).statusCode).toBe(404);
  });

  it('turns 黄 after the matter\'s own answer days, which stretch the 办理时限 only when they reach it, and follows the tenant\'s 办理时限', async () => {
    const [quick, slow] = (await w.as('discipline').get('/api/complaint-catalogue')).json().items[0].matters;
    await w.as('discipline').patch(`/api/complaint-catalogue/matters/${quick.id}`, { answerDays: 3 });
    await w.as('discipline').patch(`/api/complaint-catalogue/matters/${slow.id}`, { answerDays: 15 });
    const q = await dispatched(w, { matterId: quick.id });
    expect((await get(q)).dueDate).toBe('2026-03-19');
    // 03-05 is the third working day after 交办, 03-06 the fourth.
    expect(await on('2026-03-05', async () => (await get(q)).sla)).toBeNull();
    expect(await on('2026-03-06', async () => (await get(q)).sla)).toBe('yellow');
    // 15 answer days need a 办理时限 of 16: 03-20 (14), 03-23 (15), 03-24 (16).
    expect((await get(await dispatched(w, { matterId: slow.id }))).dueDate).toBe('2026-03-24');

    const setDue = (value: number) => w.as('sysadmin').put('/api/settings/system.complaint.dueWorkingDays', { value });
    expect((await setDue(10)).statusCode).toBe(200);
    try {
      // 03-03 … 03-06 (4), 03-09 … 03-13 (9), 03-16 (10).
      expect((await get(await dispatched(w, { matterId: quick.id }))).dueDate).toBe('2026-03-16');
    } finally {
      await setDue(13);
    }
  });
});
