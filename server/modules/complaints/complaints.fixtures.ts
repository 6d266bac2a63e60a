import type { Rating } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';
import { nowIso } from '../../platform/clock/clock.js';
import { runTenantSeeds } from '../../platform/tenancy/tenant-seeds.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';
import { rateAnswer } from './portal/reporter.service.js';

/**
 * Test support: complaints in a given state, built through the staff routes (and the portal's rating
 * service for the reporter's part). The default complaint is about 办公室 and handled by 第一党支部, so
 * 纪检 (局党总支) and the branch secretary (第一党支部) both handle it without being on the accused chain.
 */
const catalogueSeeded = new WeakMap<World, Promise<void>>();

/** The fixture world creates its orgs after its tenant, as a real one does: the seed that runs at the next start fills in the matters. */
export function seedCatalogue(w: World): Promise<void> {
  let p = catalogueSeeded.get(w);
  if (!p) catalogueSeeded.set(w, (p = runTenantSeeds(w.deps.db, w.tenantId, nowIso(w.clock))));
  return p;
}

/** The first built-in matter (党务 → 党组织设置与换届选举), or the first of the named category. */
export async function builtinMatter(w: World, category = 'party_affairs'): Promise<string> {
  await seedCatalogue(w);
  const res = await w.as('discipline').get('/api/complaint-catalogue');
  const cat = (res.json().items as { code: string; matters: { id: string }[] }[]).find((c) => c.code === category);
  if (!cat?.matters[0]) throw new Error(`no matter in ${category}: ${res.body}`);
  return cat.matters[0].id;
}

export interface ScratchOptions {
  org?: FixtureOrg;
  responsible?: FixtureOrg;
  named?: boolean;
  matterId?: string;
  content?: string;
  by?: FixtureUser;
}

export const REPORTER = { name: '王秀英', mobile: '13912345678' };

export async function intake(w: World, o: ScratchOptions = {}): Promise<{ id: string; code: string; receiptCode: string }> {
  const res = await w.as(o.by ?? 'discipline').post('/api/complaints', {
    channel: 'phone', matterId: o.matterId ?? (await builtinMatter(w)), orgId: w.orgs[o.org ?? 'office'],
    content: o.content ?? '办公室公务接待没有公函，接待清单也不全，希望核查。', anonymous: !o.named, ...(o.named ? REPORTER : {}),
  });
  if (res.statusCode !== 201) throw new Error(`intake failed: ${res.body}`);
  const body = res.json();
  const found = await w.deps.db.selectFrom('complaint').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', body.code).executeTakeFirstOrThrow();
  return { id: found.id, code: body.code, receiptCode: body.receiptCode };
}

async function expectOk(res: { statusCode: number; body: string }, what: string): Promise<void> {
  if (res.statusCode !== 200) throw new Error(`${what} failed: ${res.body}`);
}

export async function assigned(w: World, o: ScratchOptions = {}): Promise<string> {
  const { id } = await intake(w, o);
  await expectOk(await w.as('discipline').post(`/api/complaints/${id}/assign`, { responsibleOrgId: w.orgs[o.responsible ?? 'branch1'] }), 'assign');
  return id;
}

export async function dispatched(w: World, o: ScratchOptions = {}): Promise<string> {
  const id = await assigned(w, o);
  await expectOk(await w.as('discipline').post(`/api/complaints/${id}/dispatch`, { note: '请于期限内答复' }), 'dispatch');
  return id;
}

export async function inProgress(w: World, o: ScratchOptions = {}): Promise<string> {
  const id = await dispatched(w, o);
  await expectOk(await w.as('discipline').post(`/api/complaints/${id}/accept`, {}), 'accept');
  return id;
}

export async function answered(w: World, o: ScratchOptions = {}): Promise<string> {
  const id = await inProgress(w, o);
  await expectOk(await w.as('discipline').post(`/api/complaints/${id}/answer`, { answer: '经核查，已补办公函并完善接待清单。' }), 'answer');
  return id;
}

/**
 * The reporter rates with the portal's own service (its route is rate-limited per client, which a test
 * building dozens of rated complaints would trip).
 */
export async function rate(w: World, id: string, rating: Rating): Promise<void> {
  const ctx: Ctx = { deps: w.deps, actor: { kind: 'public', tenantId: w.tenantId }, tenantId: w.tenantId, requestId: null, sourceIp: null, idempotency: null };
  await rateAnswer(ctx, { sessionId: 'fixture', complaintId: id }, { rating, comment: '处理意见已收到' });
}

export async function rated(w: World, rating: Rating, o: ScratchOptions = {}): Promise<string> {
  const id = await answered(w, o);
  await rate(w, id, rating);
  return id;
}

/** In progress with a 延期 request by the branch secretary, for 纪检 to decide. */
export async function withExtensionRequest(w: World, o: ScratchOptions = {}): Promise<{ id: string; extensionId: string }> {
  const id = await inProgress(w, o);
  const res = await w.as('branchSecretary').post(`/api/complaints/${id}/extensions`, { days: 3, reason: '需要调取财务凭证核实' });
  await expectOk(res, 'extension');
  return { id, extensionId: res.json().extensionList[0].id };
}
