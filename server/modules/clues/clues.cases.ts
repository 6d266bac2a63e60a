import { files, upload } from '../../platform/storage/test-files.js';
import type { Clue } from '../../../contracts/clues.js';
import type { RouteCase } from '../../test/route-case.js';
import type { World } from '../../test/world.js';
import { intake } from '../complaints/complaints.fixtures.js';
import { accepted, clueBody, listed, registered, withGrant, withIdentityRequest } from './clues.fixtures.js';

/** clue:read holders in the fixture; each sees only the clues it is listed on (discipline owns the ones made here). */
const readers = ['discipline', 'secretary'] as const;
const managers = ['discipline'] as const;
const stats = ['discipline', 'secretary'] as const;

async function attachmentOf(w: World, clueId: string): Promise<string> {
  const res = await w.as('discipline').inject({ method: 'POST', url: `/api/clues/${clueId}/attachments`, ...upload('来信扫描件.pdf', files.pdf) });
  if (res.statusCode !== 201) throw new Error(`clue upload failed: ${res.body}`);
  return (res.json() as Clue).attachments.at(-1)!.id;
}

/** `discipline` reaches its own clue; a clue secretary alone is listed on does not exist for it. */
const offList = (path: string) => ({
  as: 'discipline' as const,
  inside: async (w: World) => ({ url: `/api/clues/${(await registered(w)).id}${path}` }),
  outside: async (w: World) => {
    const { id } = await registered(w);
    await listed(w, id, 'secretary', 'approver');
    await w.deps.db.updateTable('clue_access').set({ removed_at: '2026-03-02T09:00:00+08:00' }).where('clue_id', '=', id).where('account_id', '=', w.users.discipline.id).execute();
    return { url: `/api/clues/${id}${path}` };
  },
  denied: 404 as const,
});

export const clueCases: RouteCase[] = [
  { method: 'GET', route: '/api/clues', allow: [...readers], request: () => ({ url: '/api/clues?ledger=supervision&page=1&pageSize=20' }) },
  { method: 'GET', route: '/api/clues/export.xlsx', allow: [...readers], request: () => ({ url: '/api/clues/export.xlsx?ledger=intake&lang=zh-CN' }) },
  { method: 'GET', route: '/api/clues/stats', allow: [...stats], request: () => ({ url: '/api/clues/stats?year=2026&quarter=1' }) },
  { method: 'GET', route: '/api/clues/stats/export.xlsx', allow: [...stats], request: () => ({ url: '/api/clues/stats/export.xlsx?year=2026&lang=en-US' }) },
  { method: 'POST', route: '/api/clues', allow: [...managers], ok: 201, request: (w) => ({ url: '/api/clues', body: clueBody(w) }) },
  { method: 'GET', route: '/api/clues/:id', allow: [...readers], request: async (w) => ({ url: `/api/clues/${(await registered(w)).id}` }), scope: [offList('')] },
  {
    method: 'POST',
    route: '/api/clues/:id/attachments',
    allow: [...readers],
    ok: 201,
    multipart: true,
    request: async (w) => {
      const { payload, headers } = upload('来信扫描件.pdf', files.pdf);
      return { url: `/api/clues/${(await registered(w)).id}/attachments`, body: payload, headers };
    },
  },
  {
    method: 'GET',
    route: '/api/clues/:id/attachments/:attachmentId',
    allow: [...readers],
    request: async (w) => {
      const { id } = await registered(w);
      return { url: `/api/clues/${id}/attachments/${await attachmentOf(w, id)}` };
    },
  },
  { method: 'POST', route: '/api/clues/:id/scope', allow: [...managers], request: async (w) => ({ url: `/api/clues/${(await registered(w)).id}/scope`, body: { decision: 'accept' } }) },
  {
    method: 'POST',
    route: '/api/clues/:id/forward-ack',
    allow: [...managers],
    request: async (w) => {
      const { id } = await registered(w);
      await w.as('discipline').post(`/api/clues/${id}/scope`, { decision: 'forward_down', recipient: '闸站管理所党支部' });
      return { url: `/api/clues/${id}/forward-ack`, body: { acknowledgedOn: '2026-03-02', note: '已登记' } };
    },
  },
  { method: 'GET', route: '/api/clues/:id/access', allow: [...readers], request: async (w) => ({ url: `/api/clues/${(await registered(w)).id}/access` }), scope: [offList('/access')] },
  {
    method: 'POST',
    route: '/api/clues/:id/access',
    allow: [...readers],
    request: async (w) => ({ url: `/api/clues/${await accepted(w)}/access`, body: { accountId: w.users.secretary.id, role: 'approver' } }),
  },
  {
    method: 'DELETE',
    route: '/api/clues/:id/access/:entryId',
    allow: [...managers],
    request: async (w) => {
      const id = await accepted(w);
      await listed(w, id, 'secretary', 'approver');
      const entry = await w.deps.db.selectFrom('clue_access').select('id').where('clue_id', '=', id).where('account_id', '=', w.users.secretary.id).executeTakeFirstOrThrow();
      return { url: `/api/clues/${id}/access/${entry.id}` };
    },
  },
  {
    method: 'POST',
    route: '/api/clues/:id/identity-requests',
    allow: [...managers],
    ok: 201,
    request: async (w) => ({ url: `/api/clues/${(await registered(w)).id}/identity-requests`, body: { reason: '需与举报人核实时间地点' } }),
  },
  { method: 'POST', route: '/api/clues/:id/identity', allow: [...managers], request: async (w) => ({ url: `/api/clues/${await withGrant(w)}/identity`, body: { purpose: '电话核实' } }) },
  { method: 'GET', route: '/api/clues/:id/referral.docx', allow: [...managers], request: async (w) => ({ url: `/api/clues/${(await registered(w)).id}/referral.docx?recipient=${encodeURIComponent('市纪委')}` }) },
  { method: 'GET', route: '/api/clues/:id/referral.xlsx', allow: [...managers], request: async (w) => ({ url: `/api/clues/${await withGrant(w, 'referral')}/referral.xlsx?lang=en-US` }) },
  { method: 'GET', route: '/api/clue-identity-requests', allow: ['custodian'], request: () => ({ url: '/api/clue-identity-requests?status=pending' }) },
  {
    method: 'POST',
    route: '/api/clue-identity-requests/:id/decision',
    allow: ['custodian'],
    request: async (w) => ({ url: `/api/clue-identity-requests/${(await withIdentityRequest(w)).requestId}/decision`, body: { approve: false, reason: '理由不充分' } }),
  },
  {
    method: 'POST',
    route: '/api/complaints/:id/clue',
    allow: ['discipline'],
    ok: 201,
    request: async (w) => ({
      url: `/api/complaints/${(await intake(w, { named: true })).id}/clue`,
      body: { category: 'integrity', reportedName: '赵某某', reportedOrgId: w.orgs.unitA, reportedLevel: 'section', summary: '公务接待违规' },
    }),
  },
];
