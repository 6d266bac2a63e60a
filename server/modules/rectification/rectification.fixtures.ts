import { draftOf } from '../../platform/storage/attachments.cases.js';
import type { FixtureOrg, FixtureUser, World } from '../../test/world.js';

/** Test support: rectification items in a given state, built through the routes themselves. */
export async function scratchItem(w: World, owner: FixtureUser = 'staff', org: FixtureOrg = 'branch1'): Promise<{ id: string; measureId: string; code: string }> {
  const ownerId = w.users[owner].personId!;
  const res = await w.as('discipline').post('/api/rectification', {
    sourceType: 'manual', title: `检查发现问题${Math.random().toString(36).slice(2, 6)}`, problem: '会议记录不完整，未按要求记录表决情况。',
    orgId: w.orgs[org], ownerId, days: 10, measures: [{ description: '补全会议记录并建立审核制度', ownerId }],
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.body}`);
  const body = res.json();
  return { id: body.id, measureId: body.measures[0].id, code: body.code };
}

/** Done, evidenced and submitted by its owner. */
export async function awaitingVerification(w: World, owner: FixtureUser = 'staff'): Promise<string> {
  const { id, measureId } = await scratchItem(w, owner);
  const c = w.as(owner);
  const photo = await draftOf(w, owner);
  for (const [url, body] of [
    [`/api/rectification/${id}/measures/${measureId}`, { status: 'done', note: '已补全' }],
    [`/api/rectification/${id}/measures/${measureId}/evidence`, { attachmentIds: [photo], note: '整改后记录' }],
    [`/api/rectification/${id}/submit`, {}],
  ] as const) {
    const res = url.endsWith(measureId) ? await c.patch(url, body) : await c.post(url, body);
    if (res.statusCode !== 200) throw new Error(`${url} failed: ${res.body}`);
  }
  return id;
}

export async function closedItem(w: World, owner: FixtureUser = 'staff'): Promise<string> {
  const id = await awaitingVerification(w, owner);
  const res = await w.as('discipline').post(`/api/rectification/${id}/verify`, { pass: true, note: '核查属实，予以销号' });
  if (res.statusCode !== 200) throw new Error(`verify failed: ${res.body}`);
  return id;
}

export async function withExtensionRequest(w: World, owner: FixtureUser = 'staff'): Promise<{ id: string; extensionId: string }> {
  const { id } = await scratchItem(w, owner);
  const res = await w.as(owner).post(`/api/rectification/${id}/extensions`, { days: 5, reason: '涉及多部门协调，需延长期限' });
  if (res.statusCode !== 200) throw new Error(`extension failed: ${res.body}`);
  return { id, extensionId: res.json().extensionList[0].id };
}
