import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

describe('org tree', () => {
  it('creates an org under a parent and lists it within scope', async () => {
    const res = await w.as('orgOfficer').post('/api/orgs', { parentId: w.orgs.branch1, kind: 'party_group', name: '第一党小组' });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ parentId: w.orgs.branch1, kind: 'party_group', name: '第一党小组', shortName: '第一党小组' });
    const list = await w.as('branchSecretary').get('/api/orgs');
    const names = list.json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['第一党支部', '第一党小组']));
    expect(names).not.toContain('第二党支部');
  });

  it('moves a subtree and keeps the closure consistent', async () => {
    const grp = (await w.as('orgOfficer').post('/api/orgs', { parentId: w.orgs.branch2, kind: 'party_group', name: '待迁党小组' })).json();
    const child = (await w.as('orgOfficer').post('/api/orgs', { parentId: grp.id, kind: 'party_group', name: '子小组' })).json();
    const moved = await w.as('orgOfficer').post(`/api/orgs/${grp.id}/move`, { parentId: w.orgs.branch1, sort: 5 });
    expect(moved.statusCode).toBe(200);
    const visible = (await w.as('branchSecretary').get('/api/orgs')).json().items.map((o: { id: string }) => o.id);
    expect(visible).toEqual(expect.arrayContaining([grp.id, child.id]));
    const anc = await w.deps.db.selectFrom('org_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', child.id).orderBy('depth').execute();
    expect(anc.map((a) => a.ancestor_id)).toEqual([child.id, grp.id, w.orgs.branch1, w.orgs.generalBranch, w.orgs.bureau]);
    expect(anc.map((a) => a.depth)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses to move an org under its own descendant', async () => {
    const res = await w.as('orgOfficer').post(`/api/orgs/${w.orgs.generalBranch}/move`, { parentId: w.orgs.branch1, sort: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_CYCLE');
  });

  it('keeps an org that people belong to', async () => {
    const res = await w.as('orgOfficer').delete(`/api/orgs/${w.orgs.office}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORG_NOT_EMPTY');
  });

  it('exports the tree as a workbook', async () => {
    const res = await w.as('orgOfficer').get('/api/orgs/export.xlsx?lang=zh-CN');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
