import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, upload } from '../../platform/storage/test-files.js';
import { createWorld, type Client, type World } from '../../test/world.js';
import { CLUE_CONTENT, CLUE_REPORTER, CLUE_SUMMARY, clueBody, extraAccount, listed } from './clues.fixtures.js';

/**
 * An insider tries to learn who reported whom. The clue below names a directory person in 运行股 and
 * comes from a named reporter; each attacker calls every registered route that could touch a clue, and
 * the audit views, and must learn neither the reporter nor (when not on the list) that the clue exists.
 */
let w: World;
let clue: { id: string; code: string };
let attachmentId: string;
let requestId: string;
let reportedPersonId: string;
const REPORTED = '钱多多';
const NIL = '00000000-0000-7000-8000-000000000000';

type Attacker = { name: string; accountId: string; client: () => Promise<Client> };
let attackers: Attacker[];
let handlerNoGrant: Attacker;

beforeAll(async () => {
  w = await createWorld();
  // The reported person holds a 纪检 role themself (the worst case), and a colleague of theirs sits one level up in 闸站管理所.
  const reported = await extraAccount(w, { username: 'reported', role: 'discipline_officer', org: 'unitASection', personName: REPORTED });
  reportedPersonId = reported.personId!;
  const orgMate = await extraAccount(w, { username: 'orgmate', role: 'discipline_officer', org: 'unitA' });
  const handler = await extraAccount(w, { username: 'jijian2', role: 'discipline_officer', org: 'office' });

  const res = await w.as('discipline').post('/api/clues', clueBody(w, { reportedName: undefined, reportedPersonId: reported.personId!, org: 'unitASection' }));
  expect(res.statusCode, res.body).toBe(201);
  clue = res.json();
  const up = await w.as('discipline').inject({ method: 'POST', url: `/api/clues/${clue.id}/attachments`, ...upload('举报材料.pdf', files.pdf) });
  attachmentId = up.json().attachments[0].id;
  // Both recused accounts were put on the list by hand, as if before they moved into the chain: recusal still hides it.
  for (const a of [reported, orgMate]) {
    await w.deps.db.insertInto('clue_access').values({
      tenant_id: w.tenantId, id: crypto.randomUUID(), clue_id: clue.id, account_id: a.id, role: 'handler', added_by: null, added_at: '2026-03-02T09:00:00+08:00', removed_by: null, removed_at: null,
    }).execute();
  }
  await listed(w, clue.id, 'secretary', 'approver');
  await w.as('discipline').post(`/api/clues/${clue.id}/access`, { accountId: handler.id, role: 'handler' });
  await w.as('discipline').post(`/api/clues/${clue.id}/identity-requests`, { reason: '核实细节' });
  requestId = (await w.deps.db.selectFrom('clue_identity_request').select('id').where('clue_id', '=', clue.id).executeTakeFirstOrThrow()).id;
  await w.as('secretary').get('/api/clues');

  const fixture = (name: 'sysadmin' | 'secadmin' | 'auditor') => ({ name, accountId: w.users[name].id, client: async () => w.as(name) });
  attackers = [
    { name: 'reported person', accountId: reported.id, client: reported.client },
    { name: 'org mate up the chain', accountId: orgMate.id, client: orgMate.client },
    fixture('sysadmin'),
    fixture('secadmin'),
    fixture('auditor'),
  ];
  handlerNoGrant = { name: 'handler without grant', accountId: handler.id, client: handler.client };
});
afterAll(async () => w.close());

async function zipText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value)))));
  return out.join('\n');
}

const BODIES: Record<string, (a: Attacker) => unknown> = {
  scope: () => ({ decision: 'accept' }), 'forward-ack': () => ({ acknowledgedOn: '2026-03-02' }), access: (a) => ({ accountId: a.accountId, role: 'handler' }),
  'identity-requests': () => ({ reason: '想知道是谁' }), identity: () => ({ purpose: '看看' }), decision: () => ({ approve: true, reason: '同意同意' }),
  proposal: () => ({ method: 'talk_inquiry', reason: '拟谈话函询' }), approval: () => ({ approve: true, note: '' }),
  study: (a) => ({ meetingOn: '2026-03-02', attendees: [a.accountId], opinions: [], conclusion: '同意谈话函询' }),
  plan: () => ({ mode: 'letter', plannedOn: '2026-03-02', note: '函询计划' }), letter: () => ({ sentOn: '2026-03-02' }),
  shelve: () => ({ reason: '条件不具备', reviewOn: '2026-06-01' }), 'close-no-action': () => ({ reason: 'false', note: '经了解失实' }),
  transfer: () => ({ recipient: '市纪委', note: '' }), close: () => ({}), notices: () => ({ kind: 'acceptance', toldOn: '2026-03-02', method: 'phone', note: '' }),
  objection: () => ({ receivedOn: '2026-03-02', content: '不服结果' }), checkins: () => ({ doneOn: '2026-03-02', note: '', retaliation: false }),
};

/** Every registered route that could show or change a clue, filled in for our clue. */
function clueRoutes(a: Attacker) {
  return w.app.apiRoutes
    .filter((r) => /clue|discipline-records/.test(r.url))
    .map((r) => {
      const url = r.url
        .replace('/api/clue-identity-requests/:id', `/api/clue-identity-requests/${requestId}`)
        .replace('/api/people/:id', `/api/people/${reportedPersonId}`)
        .replace('/api/complaints/:id', `/api/complaints/${NIL}`)
        .replace(':id', clue.id)
        .replace(':attachmentId', attachmentId)
        .replace(':entryId', NIL)
        .replace(':seq', '1')
        .replace(':kind', 'acceptance');
      const last = r.url.split('/').at(-1)!;
      const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : (BODIES[last]?.(a) ?? {});
      return { method: r.method, url: `${url}${r.method === 'GET' && !url.includes('?') ? '?year=2026' : ''}`, body, multipart: last === 'attachments' };
    });
}

async function call(client: Client, r: ReturnType<typeof clueRoutes>[number]): Promise<LightMyRequestResponse> {
  if (r.multipart) return client.inject({ method: 'POST', url: r.url, ...upload('x.pdf', files.pdf) });
  return client.inject({ method: r.method as 'GET', url: r.url, ...(r.body === undefined ? {} : { payload: r.body as object }) });
}

const identityWords = [CLUE_REPORTER.name, CLUE_REPORTER.mobile, CLUE_REPORTER.unit];
const existenceWords = () => [clue.id, clue.code, REPORTED, CLUE_SUMMARY, CLUE_CONTENT.slice(0, 12), '购物卡', attachmentId, requestId];

describe.each([0, 1, 2, 3, 4])('attacker %i', (i) => {
  it('learns neither the reporter nor that the clue exists, on any clue route, and changes nothing', async () => {
    const a = attackers[i]!;
    const before = await w.deps.db.selectFrom('clue').select(['status', 'step_count']).where('id', '=', clue.id).executeTakeFirstOrThrow();
    const client = await a.client();
    const routes = clueRoutes(a);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await call(client, r);
      expect([200, 400, 403, 404], `${a.name} ${r.method} ${r.url}: ${res.body}`).toContain(res.statusCode);
      const text = await zipText(res);
      for (const word of [...identityWords, ...existenceWords()]) expect(text, `${a.name} ${r.method} ${r.url}`).not.toContain(word);
      if (res.statusCode === 200 && r.url.startsWith('/api/clues?')) expect(res.json().total, `${a.name} list total`).toBe(0);
      if (res.statusCode === 200 && r.url.startsWith('/api/clues/stats?')) expect(res.json().total, `${a.name} stats total`).toBe(0);
    }
    for (const ledger of ['intake', 'disposal', 'supervision', 'closure']) {
      const res = await client.get(`/api/clues?ledger=${ledger}&q=${encodeURIComponent(clue.code)}`);
      if (res.statusCode === 200) expect(res.json().total).toBe(0);
      else expect(res.statusCode).toBe(403);
    }
    // The two on the list by hand hold clue:read and everything a 纪检委员 holds: for them the clue simply is not there.
    expect((await client.get(`/api/clues/${clue.id}`)).statusCode).toBe(i < 2 ? 404 : 403);
    // Views outside the clue routes where a trace could surface: audit, jobs, notifications, accounts, settings.
    for (const url of ['/api/audit?pageSize=200', '/api/audit/export.xlsx', '/api/jobs', '/api/notifications', '/api/users?pageSize=200', '/api/settings']) {
      const res = await client.get(url);
      const text = await zipText(res);
      // The reported person is in the directory anyway; what must not show is anything of the clue.
      for (const word of [...identityWords, ...existenceWords()].filter((x) => x !== REPORTED)) expect(text, `${a.name} GET ${url}`).not.toContain(word);
    }
    const file = await client.get(`/api/attachments/${attachmentId}`);
    expect(file.statusCode).toBe(404);
    const after = await w.deps.db.selectFrom('clue').select(['status', 'step_count']).where('id', '=', clue.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});

describe('the audit administrator', () => {
  it('sees that confidential actions happened, never which clue, its number, names or content', async () => {
    const auditor = w.as('auditor');
    const list = await auditor.get('/api/audit?pageSize=200');
    expect(list.statusCode).toBe(200);
    const records = list.json().items as { action: string; objectType: string | null; objectId: string | null; details: unknown }[];
    const clueRecords = records.filter((r) => r.action.startsWith('clue.'));
    expect(clueRecords.length).toBeGreaterThanOrEqual(5);
    for (const r of clueRecords) {
      expect(r.objectId).not.toBe(clue.id);
      expect(typeof r.details === 'string' ? r.details : JSON.stringify(r.details ?? {})).toBe('{}');
    }
    const sheet = await zipText(await auditor.get('/api/audit/export.xlsx?lang=zh-CN'));
    for (const text of [list.body, sheet]) for (const word of [...identityWords, ...existenceWords()]) expect(text).not.toContain(word);
  });
});

describe('a handler on the list without an identity grant', () => {
  it('sees the clue but never the reporter, on any route, list, export or packet', async () => {
    const client = await handlerNoGrant.client();
    expect((await client.get(`/api/clues/${clue.id}`)).statusCode).toBe(200);
    const identity = await client.post(`/api/clues/${clue.id}/identity`, { purpose: '看看' });
    expect(identity.statusCode).toBe(403);
    expect(identity.json().error.code).toBe('CLUE_GRANT_REQUIRED');
    const extra = ['/api/clues?pageSize=200', '/api/clues/export.xlsx', `/api/clues/${clue.id}/referral.docx`, `/api/clues/${clue.id}/referral.xlsx`];
    for (const r of [...clueRoutes(handlerNoGrant).filter((x) => x.method === 'GET'), ...extra.map((url) => ({ method: 'GET', url, body: undefined, multipart: false }))]) {
      const res = await call(client, r);
      const text = r.url.includes('referral.docx') ? await docxText(res) : await zipText(res);
      for (const word of identityWords) expect(text, `${r.method} ${r.url}`).not.toContain(word);
    }
  });
});

async function docxText(res: LightMyRequestResponse): Promise<string> {
  if (res.statusCode !== 200) return res.body;
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(res.rawPayload);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}
