import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import { prepareAttachment } from '../../platform/storage/attachments.service.js';
import { files } from '../../platform/storage/test-files.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { createComplaint } from './complaints.create.js';
import { complaintCases } from './complaints.cases.js';
import { answered, builtinMatter, dispatched, intake, REPORTER } from './complaints.fixtures.js';
import { newReceiptCode, receiptHash } from './complaints.receipt.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const ADMINS: FixtureUser[] = ['sysadmin', 'secadmin', 'auditor'];
const SAMPLE_BODIES: Record<string, unknown> = {
  assign: { responsibleOrgId: '00000000-0000-7000-8000-000000000000' }, dispatch: {}, accept: {}, answer: { answer: '答复内容' }, redo: { note: '重办原因' },
  close: {}, reject: { reason: '不予受理原因' }, notes: { body: '备注' }, messages: { body: '留言' }, extensions: { days: 1, reason: '延期原因' },
  decision: { approve: true }, identity: { reason: '回访核实' }, link: { otherId: '00000000-0000-7000-8000-000000000000' },
  rectification: { title: '整改', ownerId: '00000000-0000-7000-8000-000000000000', days: 5, measure: '措施' },
  clue: { category: 'integrity', reportedName: '某人', reportedOrgId: '00000000-0000-7000-8000-000000000000', reportedLevel: 'below', summary: '线索摘要' },
};

/** Every staff complaint route that names one complaint, filled in for `id`, with a body its schema accepts. */
function recordRoutes(id: string) {
  return w.app.apiRoutes
    .filter((r) => r.url.startsWith('/api/complaints/:id'))
    .map((r) => {
      const url = r.url.replace(':id', id).replace(':extensionId', '00000000-0000-7000-8000-000000000001');
      const last = r.url.split('/').at(-1)!;
      return { method: r.method as 'GET' | 'POST', url, permission: r.config?.permission, body: r.method === 'GET' ? undefined : SAMPLE_BODIES[last] };
    });
}

const call = (user: FixtureUser, r: { method: string; url: string; body?: unknown }) =>
  w.as(user).inject({ method: r.method as 'GET' | 'POST', url: r.url, ...(r.body === undefined ? {} : { payload: r.body as object }) });

async function sheetText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value)))));
  return out.join('\n');
}

describe('回避: a handler on the accused org\'s chain', () => {
  it('never sees the complaint: 404 on every route it may call, absent from the list and the export', async () => {
    const recused = await dispatched(w, { org: 'branch1', responsible: 'branch1' });
    const visible = await dispatched(w, { org: 'office', responsible: 'branch1' });
    const rows = await w.deps.db.selectFrom('complaint_recusal').select(['person_id', 'reason']).where('complaint_id', '=', recused).execute();
    expect(rows).toContainEqual({ person_id: w.users.branchSecretary.personId, reason: 'accused_org_chain' });

    const bs = w.as('branchSecretary');
    expect((await bs.get(`/api/complaints/${visible}`)).statusCode).toBe(200);
    const held = new Set(['complaint:read', 'complaint:handle']);
    const routes = recordRoutes(recused);
    // 15 complaint routes and POST /api/complaints/:id/clue (complaint:supervise, which the branch secretary lacks).
    expect(routes).toHaveLength(16);
    for (const r of routes) {
      const res = await call('branchSecretary', r);
      expect(res.statusCode, `${r.method} ${r.url} → ${res.body}`).toBe(held.has(String(r.permission)) ? 404 : 403);
    }
    const list = (await bs.get('/api/complaints?pageSize=200')).json().items.map((c: { id: string }) => c.id);
    expect(list).toContain(visible);
    expect(list).not.toContain(recused);
    const code = (await w.as('discipline').get(`/api/complaints/${recused}`)).json().code;
    expect(await sheetText((await bs.get('/api/complaints/export.xlsx')).rawPayload)).not.toContain(code);
    expect((await w.as('discipline').get(`/api/complaints/${recused}`)).json().timeline.map((e: { kind: string }) => e.kind)).toContain('recused');
  });

  it('keeps 纪检 supervising a complaint on its own chain while refusing it the handler\'s steps', async () => {
    const id = await dispatched(w, { org: 'branch1', responsible: 'office' });
    const d = w.as('discipline');
    const c = (await d.get(`/api/complaints/${id}`)).json();
    expect(c.actions).not.toContain('accept');
    expect((await d.post(`/api/complaints/${id}/accept`, {})).json().error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await d.post(`/api/complaints/${id}/notes`, { body: '监督部门备注' })).statusCode).toBe(200);
  });
});

describe('回避: people named in a complaint', () => {
  it('never see it, whatever their role', async () => {
    const { id } = await intake(w);
    const d = w.as('discipline');
    await d.post(`/api/complaints/${id}/assign`, { responsibleOrgId: w.orgs.branch1, namedPersonIds: [w.users.branchSecretary.personId] });
    await d.post(`/api/complaints/${id}/dispatch`, {});
    const rows = await w.deps.db.selectFrom('complaint_recusal').select(['person_id', 'reason']).where('complaint_id', '=', id).execute();
    expect(rows).toContainEqual({ person_id: w.users.branchSecretary.personId, reason: 'named' });
    for (const r of recordRoutes(id).filter((x) => x.permission === 'complaint:handle' || x.permission === 'complaint:read')) {
      expect((await call('branchSecretary', r)).statusCode, r.url).toBe(404);
    }

    const other = (await intake(w)).id;
    await d.post(`/api/complaints/${other}/assign`, { responsibleOrgId: w.orgs.branch1, namedPersonIds: [w.users.discipline.personId] });
    expect((await d.get(`/api/complaints/${other}`)).statusCode).toBe(404);
    expect((await w.as('secretary').get(`/api/complaints/${other}`)).statusCode).toBe(200);
    expect((await d.get('/api/complaints?pageSize=200')).json().items.map((c: { id: string }) => c.id)).not.toContain(other);
  });
});

describe('the three administrators', () => {
  it('are refused every complaint and catalogue route, with requests that succeed for 纪检', async () => {
    // Turning a complaint into a clue is a clue route (clue cases and the clue leak tests hold the 三员 to it).
    expect(complaintCases.length).toBe(w.app.apiRoutes.filter((r) => /^\/api\/complaint(s|-catalogue)(\/|$)/.test(r.url) && r.url !== '/api/complaints/:id/clue').length);
    for (const c of complaintCases) {
      for (const admin of ADMINS) {
        const r = await c.request(w, admin);
        const res = await w.as(admin).inject({ method: c.method, url: r.url, ...(r.body === undefined ? {} : { payload: r.body as object }) });
        expect(res.statusCode, `${admin} ${c.method} ${r.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      const r = await c.request(w, 'discipline');
      const ok = await w.as('discipline').inject({ method: c.method, url: r.url, ...(r.body === undefined ? {} : { payload: r.body as object }) });
      expect(ok.statusCode, `discipline ${c.method} ${r.url} → ${ok.body}`).toBe(c.ok ?? 200);
    }
  });
});

describe('reporter identity never leaves in a list or an export', () => {
  it('shows up in no list, ledger, statistics or summary, for anyone who reads them', async () => {
    for (let i = 0; i < 2; i += 1) await answered(w, { named: true });
    const needles = [REPORTER.name, REPORTER.mobile, REPORTER.mobile.slice(3), '秀英'];
    const ledgerReaders: FixtureUser[] = ['discipline', 'secretary', 'branchSecretary'];
    for (const user of ledgerReaders) {
      const c = w.as(user);
      const bodies = [
        (await c.get('/api/complaints?pageSize=200')).body,
        await sheetText((await c.get('/api/complaints/export.xlsx?lang=zh-CN')).rawPayload),
        await sheetText((await c.get('/api/complaints/export.xlsx?lang=en-US')).rawPayload),
      ];
      if (user !== 'branchSecretary') {
        bodies.push((await c.get('/api/complaints/stats?by=org')).body);
        bodies.push(await sheetText((await c.get('/api/complaints/stats/export.xlsx?period=month&date=2026-03-02')).rawPayload));
      }
      expect(bodies[0]).toContain('"anonymous":false');
      for (const b of bodies) for (const n of needles) expect(b, `${user}: ${n}`).not.toContain(n);
      const ledger = bodies[1]!;
      for (const name of ['discipline', 'branchSecretary', 'secretary']) expect(ledger).not.toContain(name);
    }
  });
});

describe('complaint files', () => {
  it('are stored encrypted and opened only for those who may read the complaint', async () => {
    const ctx = systemCtx(w.deps, w.tenantId);
    const prepared = await prepareAttachment(ctx, { name: '现场照片.png', data: files.png, ownerType: 'complaint', ownerId: null, encrypt: true });
    const hash = await receiptHash(w.deps, w.tenantId, newReceiptCode(w.deps));
    const input = { channel: 'portal' as const, matterId: await builtinMatter(w), orgId: w.orgs.office, content: '现场拍到公车私用，附照片。', anonymous: true };
    const { id } = await w.deps.db.transaction().execute((tx) => createComplaint(tx, ctx, input, hash, [prepared]));
    const row = await w.deps.db.selectFrom('attachment').select(['id', 'encrypted', 'storage_key']).where('owner_id', '=', id).executeTakeFirstOrThrow();
    expect(row.encrypted).toBe(1);
    const stored = await w.deps.storage.get(row.storage_key);
    const chunks: Buffer[] = [];
    for await (const chunk of stored) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).includes(files.png.subarray(8, 24))).toBe(false);

    expect((await w.as('discipline').get(`/api/complaints/${id}`)).json().attachments).toEqual([expect.objectContaining({ id: row.id, mime: 'image/png' })]);
    const download = await w.as('discipline').get(`/api/attachments/${row.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(files.png)).toBe(true);
    for (const user of [...ADMINS, 'branchSecretary', 'staff'] as FixtureUser[]) expect((await w.as(user).get(`/api/attachments/${row.id}`)).statusCode, user).toBe(404);
  });
});
