import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clue } from '../../../contracts/clues.js';
import { files, upload } from '../../platform/storage/test-files.js';
import { createWorld, type World } from '../../test/world.js';
import { intake, REPORTER } from '../complaints/complaints.fixtures.js';
import { CLUE_CONTENT, CLUE_REPORTER, accepted, clueBody, extraAccount, registered, withGrant, withIdentityRequest } from './clues.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const clueRow = (id: string) => w.deps.db.selectFrom('clue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const countClues = async () => Number((await w.deps.db.selectFrom('clue').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function sheetText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value)))));
  return out.join('\n');
}

describe('register', () => {
  it('numbers per year, seals every free-text and identity field, lists the registrant as owner and signs the first step', async () => {
    const first = await w.as('discipline').post('/api/clues', clueBody(w));
    const second = await w.as('discipline').post('/api/clues', clueBody(w, { named: false }));
    expect(first.statusCode, first.body).toBe(201);
    const a = first.json() as Clue;
    const b = second.json() as Clue;
    expect(a.code).toMatch(/^XS-2026-\d{4}$/);
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
    expect(a).toMatchObject({ status: 'registered', myRole: 'owner', named: true, content: CLUE_CONTENT, reportedName: '赵某某', stepCount: 1 });
    expect(a.actions).toEqual(expect.arrayContaining(['scope', 'attach', 'manage_access', 'request_identity', 'referral']));
    expect(b.actions).not.toContain('request_identity');
    expect(first.body).not.toContain(CLUE_REPORTER.name);
    expect(first.body).not.toContain(CLUE_REPORTER.mobile);
    const row = await clueRow(a.id);
    for (const f of [row.content_enc, row.summary_enc, row.reporter_name_enc, row.reporter_mobile_enc, row.reporter_unit_enc, row.reported_name_enc]) {
      expect(f).toBeTruthy();
      expect(f).not.toContain('赵某某');
      expect(f).not.toContain(CLUE_REPORTER.name);
    }
    const audit = await w.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'clue.register').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const r of audit) {
      expect(r.object_id).toMatch(/^[0-9a-f]{64}$/);
      expect(r.details).toBe('{}');
    }
    const step = await w.deps.db.selectFrom('clue_step').select(['kind', 'seq']).where('clue_id', '=', a.id).execute();
    expect(step).toEqual([{ kind: 'registered', seq: 1 }]);
  });

  it.each([
    ['both a directory person and a free-text name', { reportedPersonId: '00000000-0000-7000-8000-000000000000' }],
    ['neither', { reportedName: undefined }],
    ['named without a reporter', { named: true, reporter: undefined }],
    ['anonymous with a reporter', { named: false, reporter: CLUE_REPORTER }],
    ['received in the future', { receivedOn: '2026-12-01' }],
  ])('refuses %s and stores nothing', async (_label, over) => {
    const before = await countClues();
    const res = await w.as('discipline').post('/api/clues', { ...clueBody(w), ...over });
    expect(res.statusCode, res.body).toBe(400);
    expect(await countClues()).toBe(before);
  });

  it('refuses a registrant recused from the clue (it names their own org chain)', async () => {
    const before = await countClues();
    const res = await w.as('discipline').post('/api/clues', clueBody(w, { org: 'branch1' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CLUE_RECUSED');
    expect(await countClues()).toBe(before);
  });

  it('a 信访干事 registers as registrar, hands over to an owner, and then sees the register entry only', async () => {
    const petition = await extraAccount(w, { username: 'xinfang', role: 'petition_officer', org: 'office' });
    const client = await petition.client();
    const res = await client.post('/api/clues', clueBody(w));
    expect(res.statusCode, res.body).toBe(201);
    const clue = res.json() as Clue;
    expect(clue).toMatchObject({ myRole: 'registrar', content: CLUE_CONTENT });
    expect(clue.actions).toEqual(['attach', 'manage_access']);
    expect((await client.post(`/api/clues/${clue.id}/access`, { accountId: w.users.secretary.id, role: 'approver' })).statusCode).toBe(403);
    const handed = await client.post(`/api/clues/${clue.id}/access`, { accountId: w.users.discipline.id, role: 'owner' });
    expect(handed.statusCode, handed.body).toBe(200);
    const after = (await client.get(`/api/clues/${clue.id}`)).json() as Clue;
    expect(after).toMatchObject({ myRole: 'registrar', content: null, summary: null, reportedName: null, reportedOrg: null, attachments: [], actions: [] });
    expect((await client.get(`/api/clues/${clue.id}/access`)).statusCode).toBe(403);
    expect((await w.as('discipline').get(`/api/clues/${clue.id}`)).json()).toMatchObject({ myRole: 'owner', content: CLUE_CONTENT });
  });
});

describe('scope decision', () => {
  it('needs a reason to refuse, happens once, and only by the owner', async () => {
    const { id } = await registered(w);
    expect((await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'not_accept' })).statusCode).toBe(400);
    const handler = await extraAccount(w, { username: 'handler1', role: 'discipline_officer', org: 'office' });
    await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: handler.id, role: 'handler' });
    expect((await (await handler.client()).post(`/api/clues/${id}/scope`, { decision: 'accept' })).statusCode).toBe(403);
    const ok = await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'not_accept', reason: '反映内容属诉讼范围' });
    expect(ok.json()).toMatchObject({ status: 'not_accepted', scope: { decision: 'not_accept', reason: '反映内容属诉讼范围' } });
    const again = await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'accept' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('STATE_INVALID');
  });

  it('forward up keeps only the forwarding record: content, identity and files are gone from the database and the store', async () => {
    const { id } = await registered(w);
    const up = await w.as('discipline').inject({ method: 'POST', url: `/api/clues/${id}/attachments`, ...upload('材料.pdf', files.pdf) });
    const key = (await w.deps.db.selectFrom('attachment').select('storage_key').where('id', '=', up.json().attachments[0].id).executeTakeFirstOrThrow()).storage_key;
    const res = await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'forward_up', recipient: '市纪委监委' });
    expect(res.statusCode, res.body).toBe(200);
    const clue = res.json() as Clue;
    expect(clue).toMatchObject({ status: 'forwarded_up', content: null, summary: null, reportedName: null, attachments: [], scope: { recipient: '市纪委监委' } });
    expect(clue.identity.available).toBe(false);
    expect(clue.actions).not.toContain('request_identity');
    const row = await clueRow(id);
    expect([row.content_enc, row.summary_enc, row.reporter_name_enc, row.reporter_mobile_enc, row.reporter_unit_enc, row.reported_name_enc]).toEqual([null, null, null, null, null, null]);
    expect(row.erased_at).toBeTruthy();
    expect(await w.deps.db.selectFrom('attachment').select('id').where('owner_id', '=', id).execute()).toEqual([]);
    await expect(w.deps.storage.get(key).then((s) => s.toArray())).rejects.toThrow();
    expect((await w.as('discipline').post(`/api/clues/${id}/identity-requests`, { reason: '核实' })).statusCode).toBe(409);
  });

  it('forward down runs the acknowledgement clock (5 working days) until the lower level answers', async () => {
    const { id } = await registered(w);
    const res = (await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'forward_down', recipient: '闸站管理所党支部' })).json() as Clue;
    // 2026-03-02 is a Monday: five working days on is the next Monday.
    expect(res.scope).toMatchObject({ ackDue: '2026-03-09', acknowledgedOn: null });
    expect(res.clocks).toContainEqual(expect.objectContaining({ kind: 'forward_ack', due: '2026-03-09', doneOn: null }));
    expect((await w.as('discipline').post(`/api/clues/${id}/forward-ack`, { acknowledgedOn: '2026-03-01' })).statusCode).toBe(400);
    const ack = (await w.as('discipline').post(`/api/clues/${id}/forward-ack`, { acknowledgedOn: '2026-03-02', note: '已登记受理' })).json() as Clue;
    expect(ack.scope).toMatchObject({ acknowledgedOn: '2026-03-02', ackNote: '已登记受理' });
    expect(ack.clocks).toContainEqual(expect.objectContaining({ kind: 'forward_ack', doneOn: '2026-03-02', colour: null }));
    expect((await w.as('discipline').post(`/api/clues/${id}/forward-ack`, { acknowledgedOn: '2026-03-02' })).statusCode).toBe(409);
  });

  it('a repeat links to its original, which lists it; an original off the caller\'s list does not exist', async () => {
    const original = await accepted(w);
    const { id } = await registered(w);
    const res = (await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'repeat', originalId: original })).json() as Clue;
    expect(res.status).toBe('repeat');
    expect(res.repeatOf?.id).toBe(original);
    expect(((await w.as('discipline').get(`/api/clues/${original}`)).json() as Clue).repeats.map((r) => r.id)).toEqual([id]);
    const other = await registered(w);
    const hidden = await extraAccount(w, { username: 'owner2', role: 'discipline_officer', org: 'office' });
    const theirs = await (await hidden.client()).post('/api/clues', clueBody(w));
    const miss = await w.as('discipline').post(`/api/clues/${other.id}/scope`, { decision: 'repeat', originalId: theirs.json().id });
    expect(miss.statusCode).toBe(404);
  });
});

describe('access list', () => {
  it('adds and removes handlers and approvers, refuses the recused, and keeps the last owner', async () => {
    const id = await accepted(w);
    expect((await w.as('secretary').get(`/api/clues/${id}`)).statusCode).toBe(404);
    const added = await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: w.users.secretary.id, role: 'approver' });
    expect(added.statusCode, added.body).toBe(200);
    expect((await w.as('secretary').get(`/api/clues/${id}`)).json()).toMatchObject({ myRole: 'approver' });
    expect((await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: w.users.secretary.id, role: 'handler' })).statusCode).toBe(404);
    expect((await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: w.users.secretary.id, role: 'approver' })).statusCode).toBe(409);
    const entry = (added.json().items as { id: string; account: { id: string }; role: string }[]).find((e) => e.account.id === w.users.secretary.id)!;
    expect((await w.as('discipline').delete(`/api/clues/${id}/access/${entry.id}`)).statusCode).toBe(200);
    expect((await w.as('secretary').get(`/api/clues/${id}`)).statusCode).toBe(404);
    const own = (added.json().items as { id: string; role: string }[]).find((e) => e.role === 'owner')!;
    expect((await w.as('discipline').delete(`/api/clues/${id}/access/${own.id}`)).statusCode).toBe(409);
    const steps = await w.deps.db.selectFrom('clue_step').select('kind').where('clue_id', '=', id).orderBy('seq').execute();
    expect(steps.map((s) => s.kind)).toEqual(['registered', 'scope_decided', 'access_added', 'access_removed']);
  });

  it('refuses an account within the reported unit (CLUE_RECUSED), and one listed earlier stops seeing the clue once recused', async () => {
    const id = await accepted(w, { org: 'unitASection' });
    const inUnit = await extraAccount(w, { username: 'unitjj', role: 'discipline_officer', org: 'unitA' });
    const res = await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: inUnit.id, role: 'handler' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CLUE_RECUSED');
    const mover = await extraAccount(w, { username: 'mover', role: 'discipline_officer', org: 'office' });
    await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: mover.id, role: 'handler' });
    expect((await (await mover.client()).get(`/api/clues/${id}`)).statusCode).toBe(200);
    await w.deps.db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: mover.personId!, org_id: w.orgs.unitASection, is_primary: 0 }).execute();
    const client = await mover.client();
    expect((await client.get(`/api/clues/${id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/clues?q=${(await clueRow(id)).code}`)).json().total).toBe(0);
  });

  it('a root-org member is not recused: the 主要负责人 may still approve', async () => {
    const head = await extraAccount(w, { username: 'juzhang', role: 'secretary', org: 'bureau' });
    const id = await accepted(w, { org: 'unitASection' });
    expect((await w.as('discipline').post(`/api/clues/${id}/access`, { accountId: head.id, role: 'approver' })).statusCode).toBe(200);
  });
});

describe('sealed identity', () => {
  it('is shown only against a live custodian grant, each view logged and signed, and expires', async () => {
    const { id, requestId } = await withIdentityRequest(w);
    expect((await w.as('discipline').post(`/api/clues/${id}/identity`, { purpose: '核实' })).json().error.code).toBe('CLUE_GRANT_REQUIRED');
    expect((await w.as('discipline').post(`/api/clues/${id}/identity-requests`, { reason: '再次申请' })).statusCode).toBe(409);
    const queue = (await w.as('custodian').get('/api/clue-identity-requests?status=pending')).json();
    const mine = queue.items.find((r: { id: string }) => r.id === requestId);
    expect(mine).toMatchObject({ reason: '核实举报人所述细节', purpose: 'handling', status: 'pending', requester: { id: w.users.discipline.id } });
    expect(JSON.stringify(queue)).not.toContain(CLUE_CONTENT.slice(0, 10));
    expect(JSON.stringify(queue)).not.toContain('赵某某');
    const told = (await w.as('custodian').get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'clue.identity_requested');
    expect(told.length).toBeGreaterThan(0);
    expect(JSON.stringify(told)).not.toContain(id);
    const decided = await w.as('custodian').post(`/api/clue-identity-requests/${requestId}/decision`, { approve: true, reason: '确有核实需要' });
    expect(decided.json()).toMatchObject({ status: 'approved', decisionReason: '确有核实需要' });
    expect((await w.as('custodian').post(`/api/clue-identity-requests/${requestId}/decision`, { approve: true, reason: '再批' })).statusCode).toBe(409);
    const seen = await w.as('discipline').post(`/api/clues/${id}/identity`, { purpose: '电话核实' });
    expect(seen.json()).toMatchObject({ name: CLUE_REPORTER.name, mobile: CLUE_REPORTER.mobile, unit: CLUE_REPORTER.unit });
    expect(await w.deps.db.selectFrom('clue_identity_view').select('account_id').where('clue_id', '=', id).execute()).toEqual([{ account_id: w.users.discipline.id }]);
    const kinds = (await w.deps.db.selectFrom('clue_step').select('kind').where('clue_id', '=', id).orderBy('seq').execute()).map((s) => s.kind);
    expect(kinds).toEqual(['registered', 'identity_requested', 'identity_decided', 'identity_viewed']);
    w.clock.advance(25 * 3600_000);
    expect((await w.as('discipline').post(`/api/clues/${id}/identity`, { purpose: '再看' })).json().error.code).toBe('CLUE_GRANT_REQUIRED');
    w.clock.advance(-25 * 3600_000);
  });

  it('a refusal grants nothing; a custodian never sees their own request nor one they are recused from', async () => {
    const { id, requestId } = await withIdentityRequest(w);
    await w.as('custodian').post(`/api/clue-identity-requests/${requestId}/decision`, { approve: false, reason: '理由不充分' });
    expect((await w.as('discipline').post(`/api/clues/${id}/identity`, { purpose: '核实' })).statusCode).toBe(403);
    const recusedCustodian = await extraAccount(w, { username: 'baoguan2', role: 'clue_custodian', org: 'unitA' });
    const other = await withIdentityRequest(w);
    const c = await recusedCustodian.client();
    expect((await c.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'clue.identity_requested')).toEqual([]);
    expect((await c.get('/api/clue-identity-requests')).json().items.map((r: { id: string }) => r.id)).not.toContain(other.requestId);
    expect((await c.post(`/api/clue-identity-requests/${other.requestId}/decision`, { approve: true, reason: '同意同意' })).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  it('are stored encrypted and open only for those running the clue', async () => {
    const { id } = await registered(w);
    const up = await w.as('discipline').inject({ method: 'POST', url: `/api/clues/${id}/attachments`, ...upload('来信.pdf', files.pdf) });
    expect(up.statusCode, up.body).toBe(201);
    const att = (up.json() as Clue).attachments[0]!;
    const row = await w.deps.db.selectFrom('attachment').selectAll().where('id', '=', att.id).executeTakeFirstOrThrow();
    expect(row.encrypted).toBe(1);
    const stored = Buffer.concat(await (await w.deps.storage.get(row.storage_key)).toArray());
    expect(stored.equals(files.pdf)).toBe(false);
    const got = await w.as('discipline').get(`/api/clues/${id}/attachments/${att.id}`);
    expect(got.rawPayload.equals(files.pdf)).toBe(true);
    expect((await w.as('discipline').get(`/api/attachments/${att.id}`)).statusCode).toBe(200);
    expect((await w.as('secretary').get(`/api/clues/${id}/attachments/${att.id}`)).statusCode).toBe(404);
    expect((await w.as('secretary').get(`/api/attachments/${att.id}`)).statusCode).toBe(404);
    expect(((await w.as('discipline').get(`/api/clues/${id}`)).json() as Clue).attachments.map((a) => a.id)).toEqual([att.id]);
  });
});

describe('register, ledgers, statistics and exports', () => {
  it('filter by ledger and number, count only the caller\'s clues, and mask the reported person in the sheet', async () => {
    const id = await accepted(w, { reportedName: '孙大圣', source: 'phone', category: 'mass' });
    const code = (await clueRow(id)).code;
    const page = (await w.as('discipline').get(`/api/clues?q=${code}`)).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id, code, reportedName: '孙大圣', myRole: 'owner', owner: { id: w.users.discipline.id } });
    expect((await w.as('discipline').get(`/api/clues?ledger=supervision&q=${code}`)).json().total).toBe(1);
    expect((await w.as('discipline').get(`/api/clues?ledger=closure&q=${code}`)).json().total).toBe(0);
    expect((await w.as('discipline').get(`/api/clues?source=phone&category=mass&q=${code}`)).json().total).toBe(1);
    const all = (await w.as('discipline').get('/api/clues?pageSize=200')).json().total;
    expect(all).toBe(Number((await w.deps.db.selectFrom('clue_access').select((eb) => eb.fn.count('clue_id').distinct().as('n')).where('account_id', '=', w.users.discipline.id).where('removed_at', 'is', null).executeTakeFirstOrThrow()).n));
    const stats = (await w.as('discipline').get('/api/clues/stats?year=2026&quarter=1')).json();
    expect(stats.total).toBe(all);
    expect(stats.bySource.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(all);
    expect((await w.as('secretary').get('/api/clues/stats?year=2026')).json().total).toBeLessThan(all);
    const sheet = await sheetText((await w.as('discipline').get('/api/clues/export.xlsx?ledger=intake')).rawPayload);
    expect(sheet).toContain(code);
    expect(sheet).toContain('孙**');
    expect(sheet).not.toContain('孙大圣');
    expect(sheet).not.toContain(CLUE_REPORTER.name);
    const statsSheet = await sheetText((await w.as('discipline').get('/api/clues/stats/export.xlsx?year=2026')).rawPayload);
    expect(statsSheet).toContain('群众纪律');
  });

  it('the referral packet carries the reporter only under a referral grant', async () => {
    const { id } = await registered(w);
    const plain = await w.as('discipline').get(`/api/clues/${id}/referral.xlsx?recipient=${encodeURIComponent('市纪委')}`);
    const text = await sheetText(plain.rawPayload);
    expect(text).toContain(CLUE_CONTENT);
    expect(text).toContain('市纪委');
    expect(text).not.toContain(CLUE_REPORTER.name);
    const handlingGrant = await withGrant(w, 'handling');
    expect(await sheetText((await w.as('discipline').get(`/api/clues/${handlingGrant}/referral.xlsx`)).rawPayload)).not.toContain(CLUE_REPORTER.name);
    const referralGrant = await withGrant(w, 'referral');
    const withId = await sheetText((await w.as('discipline').get(`/api/clues/${referralGrant}/referral.xlsx`)).rawPayload);
    expect(withId).toContain(CLUE_REPORTER.name);
    expect(withId).toContain(CLUE_REPORTER.mobile);
    expect(await w.deps.db.selectFrom('clue_identity_view').select('account_id').where('clue_id', '=', referralGrant).execute()).toEqual([{ account_id: w.users.discipline.id }]);
    expect(await w.deps.db.selectFrom('clue_identity_view').select('id').where('clue_id', '=', handlingGrant).execute()).toEqual([]);
    const docx = await w.as('discipline').get(`/api/clues/${id}/referral.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const kinds = (await w.deps.db.selectFrom('clue_step').select('kind').where('clue_id', '=', id).execute()).map((s) => s.kind);
    expect(kinds.filter((k) => k === 'referral_exported')).toHaveLength(2);
  });
});

describe('complaint → clue', () => {
  it('moves content, identity and files to the clue and closes the complaint with a neutral answer', async () => {
    const complaint = await intake(w, { named: true });
    const res = await w.as('discipline').post(`/api/complaints/${complaint.id}/clue`, {
      category: 'work', reportedName: '周某', reportedOrgId: w.orgs.unitA, reportedLevel: 'below', summary: '公务接待无公函',
    });
    expect(res.statusCode, res.body).toBe(201);
    const clue = res.json() as Clue;
    expect(clue).toMatchObject({ source: 'phone', named: true, status: 'registered', complaint: { id: complaint.id } });
    expect(clue.content).toContain('公务接待没有公函');
    const c = await w.as('discipline').get(`/api/complaints/${complaint.id}`);
    const body = c.json();
    expect(body.status).toBe('closed');
    expect(body.content).not.toContain('公务接待没有公函');
    for (const word of [REPORTER.name, REPORTER.mobile, REPORTER.mobile.slice(-4)]) expect(c.body).not.toContain(word);
    expect(body.answer).toBeTruthy();
    expect(`${body.answer}${c.body}`).not.toMatch(/纪检|纪委|监委|线索/);
    expect(c.body).not.toContain(clue.id);
    const again = await w.as('discipline').post(`/api/complaints/${complaint.id}/clue`, { category: 'work', reportedName: '周某', reportedOrgId: w.orgs.unitA, reportedLevel: 'below', summary: '再转' });
    expect(again.statusCode).toBe(409);
    const requestId = await requestFor(clue.id);
    await w.as('custodian').post(`/api/clue-identity-requests/${requestId}/decision`, { approve: true, reason: '同意同意' });
    expect((await w.as('discipline').post(`/api/clues/${clue.id}/identity`, { purpose: '回访' })).json()).toMatchObject({ name: REPORTER.name, mobile: REPORTER.mobile });
  });
});

async function requestFor(clueId: string): Promise<string> {
  await w.as('discipline').post(`/api/clues/${clueId}/identity-requests`, { reason: '回访举报人' });
  return (await w.deps.db.selectFrom('clue_identity_request').select('id').where('clue_id', '=', clueId).executeTakeFirstOrThrow()).id;
}
