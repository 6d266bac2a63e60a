import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { createWorld, type World } from '../../../test/world.js';
import { seal } from '../complaints.create.js';
import { complaintPortalJobs } from './portal.jobs.js';
import { fileViaPortal, markAnswered, PORTAL, reporterHeader, seededComplaint, solvedCaptcha } from './portal.fixtures.js';
import { FAILURE_BUDGET_PER_MINUTE } from './receipt-login.service.js';
import { VIEW_TTL_MS } from '../reporter-views.js';
import { messageAad, ratingCommentAad } from './reporter.service.js';
import { RECHECK_MS, REPORTER_SESSION_HEADER } from './reporter-session.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

let client = 0;
const nextAddress = () => `198.51.100.${(client += 1)}`;

async function login(receiptCode: string, remoteAddress = nextAddress()) {
  return w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode, captcha: await solvedCaptcha(w) }, remoteAddress });
}

const as = (token: string) => ({
  view: () => w.as(null).inject({ method: 'GET', url: `${PORTAL}/mine`, headers: { [REPORTER_SESSION_HEADER]: token } }),
  message: (body: string) => w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/messages`, payload: { body }, headers: { [REPORTER_SESSION_HEADER]: token } }),
  rate: (rating: string, comment?: string) =>
    w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/rating`, payload: comment === undefined ? { rating } : { rating, comment }, headers: { [REPORTER_SESSION_HEADER]: token } }),
  logout: () => w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/logout`, headers: { [REPORTER_SESSION_HEADER]: token } }),
});

async function auditOf(res: { headers: Record<string, unknown> }) {
  return w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();
}

/** What the staff workflow writes (its routes are another engineer's): a handler's public message and an internal note. */
async function staffWrites(complaintId: string, publicText: string, internalText: string): Promise<void> {
  const at = nowIso(w.clock);
  const by = w.users.discipline.id;
  for (const [visibility, text] of [['public', publicText], ['internal', internalText]] as const) {
    const id = newId();
    await w.deps.db
      .insertInto('complaint_message')
      .values({ tenant_id: w.tenantId, id, complaint_id: complaintId, author: 'handler', author_user_id: by, body_enc: w.deps.crypto.encrypt(w.tenantId, text, messageAad(id)), visibility, at })
      .execute();
  }
  await w.deps.db
    .insertInto('complaint_event')
    .values({ tenant_id: w.tenantId, id: newId(), complaint_id: complaintId, at, actor_id: by, kind: 'note', note_enc: seal(systemCtx(w.deps, w.tenantId), 'note', complaintId, internalText), visibility: 'internal' })
    .execute();
}

async function setStatus(id: string, patch: { status: 'in_progress' | 'closed'; redos?: number }): Promise<void> {
  await w.deps.db.updateTable('complaint').set(patch).where('tenant_id', '=', w.tenantId).where('id', '=', id).execute();
}

describe('the reporter follows a complaint with the receipt code', () => {
  it('files, opens a session with the code, sees the stage, adds information, rates 不满意, rates again after 重办', async () => {
    const filed = await fileViaPortal(w, { fields: { content: '旅程探针：补贴名单有已调走人员。', anonymous: false, name: '赵六', mobile: '13900001111' }, remoteAddress: nextAddress() });
    expect(filed.statusCode, filed.body).toBe(201);
    const { code, receiptCode } = filed.json() as { code: string; receiptCode: string };
    const complaint = await w.deps.db.selectFrom('complaint').select('id').where('code', '=', code).executeTakeFirstOrThrow();

    const opened = await login(`${receiptCode.slice(0, 4)} ${receiptCode.slice(4, 8)}-${receiptCode.slice(8, 12)} ${receiptCode.slice(12)}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.headers['set-cookie']).toBeUndefined();
    const { token, expiresAt } = opened.json() as { token: string; expiresAt: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - w.clock.now().getTime()).toBe(20 * 60_000);
    const stored = await w.deps.db.selectFrom('complaint_reporter_session').selectAll().where('complaint_id', '=', complaint.id).execute();
    expect(stored.map((s) => s.id)).toEqual([w.deps.crypto.sm3(`reporter-session:${token}`)]);
    const loginAudit = await auditOf(opened);
    expect(loginAudit).toMatchObject([{ action: 'complaint.reporter_login', result: 'success', actor_kind: 'public', source_ip: null, object_id: complaint.id, details: '{}' }]);

    const reporter = as(token);
    const first = await reporter.view();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ code, status: 'submitted', orgName: '闸站管理所', matterName: '补贴发放', answer: null, rejectionReason: null, messages: [], ratings: [], canRate: false, canMessage: true });
    for (const secret of ['赵六', '13900001111', receiptCode, '旅程探针']) expect(first.body).not.toContain(secret);

    const added = await reporter.message('补充：名单第3页有两人已于去年调走。');
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().messages).toMatchObject([{ from: 'reporter', body: '补充：名单第3页有两人已于去年调走。' }]);
    expect(await auditOf(added)).toMatchObject([{ action: 'complaint.reporter_message', actor_kind: 'public', source_ip: null, object_id: complaint.id }]);

    expect((await reporter.view()).json().messages).toHaveLength(1);
    await staffWrites(complaint.id, '已收到，正在核查名单。', '内部意见：疑似所长授意，先约谈会计。');
    await markAnswered(w, complaint.id, '经核查，已追回两人补贴并重新公示。');
    expect((await reporter.view()).json().status, 'a change written by another process shows once the kept view is VIEW_TTL_MS old').toBe('submitted');
    w.clock.advance(VIEW_TTL_MS);
    const answered = await reporter.view();
    expect(answered.json()).toMatchObject({ status: 'answered', answer: '经核查，已追回两人补贴并重新公示。', canRate: true, canMessage: true });
    expect(answered.json().messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['reporter', '补充：名单第3页有两人已于去年调走。'],
      ['handler', '已收到，正在核查名单。'],
    ]);
    for (const hidden of ['内部意见', 'discipline', w.users.discipline.id, 'generalBranch', '局党总支']) expect(answered.body).not.toContain(hidden);

    const unhappy = await reporter.rate('dissatisfied', '只追回了两人，其他人没查。');
    expect(unhappy.statusCode, unhappy.body).toBe(200);
    expect(unhappy.json()).toMatchObject({ status: 'rated', canRate: false, ratings: [{ round: 1, rating: 'dissatisfied' }] });
    expect(unhappy.body).not.toContain('只追回了两人');
    const row = await w.deps.db.selectFrom('complaint').select(['status', 'dissatisfied', 'rated_at']).where('id', '=', complaint.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'rated', dissatisfied: 1, rated_at: nowIso(w.clock) });
    const rating = await w.deps.db.selectFrom('complaint_rating').selectAll().where('complaint_id', '=', complaint.id).executeTakeFirstOrThrow();
    expect(rating.comment_enc).not.toContain('只追回了两人');
    expect(w.deps.crypto.decrypt(w.tenantId, rating.comment_enc!, ratingCommentAad(rating.id))).toBe('只追回了两人，其他人没查。');
    expect(await auditOf(unhappy)).toMatchObject([{ action: 'complaint.reporter_rating', details: JSON.stringify({ round: 1, rating: 'dissatisfied' }) }]);

    const twice = await reporter.rate('satisfied');
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'STATE_INVALID']);

    await setStatus(complaint.id, { status: 'in_progress', redos: 1 });
    w.clock.advance(VIEW_TTL_MS);
    expect((await reporter.view()).json()).toMatchObject({ status: 'in_progress', canRate: false });
    expect((await reporter.rate('satisfied')).statusCode).toBe(409);
    await markAnswered(w, complaint.id, '重办：已对全部名单复核，追回五人补贴。');
    const second = await reporter.rate('satisfied', '这次查清楚了。');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().ratings).toMatchObject([
      { round: 1, rating: 'dissatisfied' },
      { round: 2, rating: 'satisfied' },
    ]);
    expect((await w.deps.db.selectFrom('complaint').select('dissatisfied').where('id', '=', complaint.id).executeTakeFirstOrThrow()).dissatisfied).toBe(1);

    await setStatus(complaint.id, { status: 'closed' });
    w.clock.advance(VIEW_TTL_MS);
    expect((await reporter.view()).json()).toMatchObject({ status: 'closed', canMessage: false, canRate: false });
    const late = await reporter.message('还有一件事。');
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'STATE_INVALID']);

    const out = await reporter.logout();
    expect(out.json()).toEqual({ ok: true });
    expect(await auditOf(out)).toMatchObject([{ action: 'complaint.reporter_logout', object_id: complaint.id }]);
    expect((await reporter.view()).json().error.code).toBe('SESSION_EXPIRED');
    expect(await w.deps.db.selectFrom('complaint_reporter_session').select('id').where('complaint_id', '=', complaint.id).execute()).toEqual([]);
  });

  it('shows a handler step taken through this process at the next poll, without waiting out the kept view', async () => {
    const c = await seededComplaint(w, { content: '缓存探针：分办后立即可见。' });
    const reporter = as((await reporterHeader(w, c.id))[REPORTER_SESSION_HEADER]!);
    expect((await reporter.view()).json().status).toBe('submitted');
    const assigned = await w.as('discipline').post(`/api/complaints/${c.id}/assign`, { responsibleOrgId: w.orgs.unitA });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await reporter.view()).json().status).toBe('assigned');
  });

  it('opens exactly one complaint: a session for A shows and changes only A', async () => {
    const a = await seededComplaint(w, { content: '隔离探针甲：只属于甲的内容。' });
    const b = await seededComplaint(w, { content: '隔离探针乙：只属于乙的内容。' });
    const tokenA = (await reporterHeader(w, a.id))[REPORTER_SESSION_HEADER]!;
    const view = await as(tokenA).view();
    expect(view.json().code).toBe(a.code);
    expect(view.body).not.toContain(b.code);
    await as(tokenA).message('只发给甲。');
    const onB = await w.deps.db.selectFrom('complaint_message').select('id').where('complaint_id', '=', b.id).execute();
    expect(onB).toEqual([]);
  });

  it('answers every wrong, malformed or unknown code alike, audits the attempt without the code, and wants a fresh captcha each time', async () => {
    const c = await seededComplaint(w);
    const wrong = `${c.receiptCode.slice(0, 15)}${(Number(c.receiptCode[15]) + 1) % 10}`;
    for (const attempt of [wrong, '0000000000000000', '1'.repeat(30), '1234-5678-9012-3456']) {
      const res = await login(attempt);
      expect([res.statusCode, res.json().error.code], attempt).toEqual([401, 'LOGIN_FAILED']);
      const audit = await auditOf(res);
      expect(audit).toMatchObject([{ action: 'complaint.reporter_login', result: 'failure', object_id: null, source_ip: null, details: '{}' }]);
      expect(JSON.stringify(audit)).not.toContain(attempt.replace(/\D/g, ''));
    }
    for (const forged of ["1' OR '1'='1", '１２３４５６７８９０１２３４５６', '1234\u200b5678901234567', '<script>1</script>']) {
      const res = await w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: forged, captcha: await solvedCaptcha(w) }, remoteAddress: nextAddress() });
      expect([res.statusCode, res.json().error.code], forged).toEqual([400, 'VALIDATION_FAILED']);
    }
    const captcha = await solvedCaptcha(w);
    const ok = await w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: c.receiptCode, captcha }, remoteAddress: nextAddress() });
    expect(ok.statusCode).toBe(200);
    const replay = await w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: c.receiptCode, captcha }, remoteAddress: nextAddress() });
    expect([replay.statusCode, replay.json().error.params.reason]).toEqual([400, 'used']);
    const none = await w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: c.receiptCode }, remoteAddress: nextAddress() });
    expect(none.statusCode).toBe(400);
  });

  it('pauses code logins for the whole tenant once a minute holds too many failures, from however many addresses', async () => {
    const c = await seededComplaint(w);
    w.clock.advanceMinutes(1);
    for (let i = 0; i < FAILURE_BUDGET_PER_MINUTE; i += 1) expect((await login('9'.repeat(16))).statusCode).toBe(401);
    const blocked = await login(c.receiptCode);
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    w.clock.advanceMinutes(1);
    expect((await login(c.receiptCode)).statusCode).toBe(200);
  });

  it('limits one client to 20 code logins a minute in memory', async () => {
    const address = '192.0.2.77';
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const res = await w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: '1'.repeat(16), captcha: 'bm90IGEgY2FwdGNoYQ==' }, remoteAddress: address });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('reporter sessions', () => {
  it('need the header: none is UNAUTHENTICATED, a forged or unknown one SESSION_EXPIRED, a staff cookie opens nothing', async () => {
    expect((await w.as(null).get(`${PORTAL}/mine`)).json().error.code).toBe('UNAUTHENTICATED');
    expect((await w.as('discipline').get(`${PORTAL}/mine`)).json().error.code).toBe('UNAUTHENTICATED');
    for (const forged of ['x', "' OR 1=1 --", 'A'.repeat(43), 'A'.repeat(44)]) expect((await as(forged).view()).json().error.code, forged).toBe('SESSION_EXPIRED');
  });

  it('end after system.complaint.reporterSessionMinutes', async () => {
    const c = await seededComplaint(w);
    const res = await login(c.receiptCode);
    const reporter = as(res.json().token);
    expect((await reporter.view()).statusCode).toBe(200);
    w.clock.advanceMinutes(20);
    expect((await reporter.view()).json().error.code).toBe('SESSION_EXPIRED');
    await complaintPortalJobs[0]!.run(w.deps, { id: 'test', tenantId: null, payload: {} });
    expect(await w.deps.db.selectFrom('complaint_reporter_session').select('id').where('complaint_id', '=', c.id).execute()).toEqual([]);
  });

  it('ended through another process stay usable here for at most RECHECK_MS', async () => {
    const c = await seededComplaint(w);
    const reporter = as((await login(c.receiptCode)).json().token);
    expect((await reporter.view()).statusCode).toBe(200);
    await w.deps.db.deleteFrom('complaint_reporter_session').where('complaint_id', '=', c.id).execute();
    expect((await reporter.view()).statusCode, 'still cached').toBe(200);
    w.clock.advance(RECHECK_MS);
    expect((await reporter.view()).json().error.code).toBe('SESSION_EXPIRED');
  });
});
