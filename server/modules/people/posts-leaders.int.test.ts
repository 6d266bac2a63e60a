import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
}

const auditCount = async (action: string) => (await w.deps.db.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;

describe('posts', () => {
  let postId: string;

  it('creates a post with holders and shows it on the holder\'s record', async () => {
    const res = await w.as('unitOfficer').post('/api/posts', {
      orgId: w.orgs.unitASection, name: '闸门运行岗', description: '负责闸门启闭', sort: 2, holderIds: [w.users.unitOfficer.personId],
    });
    expect(res.statusCode, res.body).toBe(201);
    postId = res.json().id;
    expect(res.json()).toMatchObject({ orgId: w.orgs.unitASection, orgName: '运行股', name: '闸门运行岗', holders: [{ id: w.users.unitOfficer.personId, name: 'unitOfficer同志' }] });
    const person = (await w.as('orgOfficer').get(`/api/people/${w.users.unitOfficer.personId}`)).json();
    expect(person.posts).toEqual([{ id: postId, name: '闸门运行岗', orgId: w.orgs.unitASection, orgName: '运行股' }]);
  });

  it('refuses a second post of the same name in one org, unknown holders and holders outside the actor\'s scope', async () => {
    const dup = await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.unitASection, name: '闸门运行岗' });
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', params: { field: 'name' } });
    expect((await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.office, name: '闸门运行岗' })).statusCode).toBe(201);
    const ghost = await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.unitA, name: '幽灵岗', holderIds: ['01900000-0000-7000-8000-000000000000'] });
    expect(ghost.statusCode).toBe(404);
    const foreign = await w.as('unitOfficer').post('/api/posts', { orgId: w.orgs.unitA, name: '借调岗', holderIds: [w.users.orgOfficer.personId] });
    expect(foreign.statusCode).toBe(403);
    expect(await w.deps.db.selectFrom('post').select('id').where('name', 'in', ['幽灵岗', '借调岗']).execute()).toEqual([]);
  });

  it('lists posts within the reader\'s org scope, filtered by org subtree and name, paged', async () => {
    await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.unitA, name: '所长岗', sort: 1 });
    const unit = (await w.as('unitOfficer').get('/api/posts?pageSize=50')).json();
    expect(unit.items.every((p: { orgId: string }) => [w.orgs.unitA, w.orgs.unitASection].includes(p.orgId))).toBe(true);
    expect(unit.items.map((p: { name: string }) => p.name)).toEqual(['所长岗', '闸门运行岗']);
    const all = (await w.as('orgOfficer').get(`/api/posts?orgId=${w.orgs.bureau}`)).json();
    expect(all.total).toBe(3);
    expect((await w.as('orgOfficer').get(`/api/posts?orgId=${w.orgs.unitASection}`)).json().items.map((p: { name: string }) => p.name)).toEqual(['闸门运行岗']);
    expect((await w.as('orgOfficer').get('/api/posts?q=所长')).json().items.map((p: { name: string }) => p.name)).toEqual(['所长岗']);
    const page = (await w.as('orgOfficer').get('/api/posts?page=2&pageSize=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    expect((await w.as('staff').get('/api/posts')).json().total).toBe(0);
  });

  it('replaces holders on update and keeps writes inside the manager\'s scope', async () => {
    const res = await w.as('unitOfficer').patch(`/api/posts/${postId}`, { holderIds: [], description: '负责闸门启闭与巡查' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ holders: [], description: '负责闸门启闭与巡查' });
    const officePost = (await w.as('orgOfficer').get(`/api/posts?orgId=${w.orgs.office}`)).json().items[0].id;
    expect((await w.as('unitOfficer').patch(`/api/posts/${officePost}`, { sort: 9 })).statusCode).toBe(403);
    expect((await w.as('unitOfficer').delete(`/api/posts/${officePost}`)).statusCode).toBe(403);
    expect((await w.as('unitOfficer').patch('/api/posts/01900000-0000-7000-8000-000000000000', { sort: 9 })).statusCode).toBe(404);
  });

  it('deletes a post with its holdings, audited', async () => {
    const id = (await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.unitA, name: '临时岗', holderIds: [w.users.unitOfficer.personId] })).json().id;
    const before = await auditCount('post.delete');
    expect((await w.as('orgOfficer').delete(`/api/posts/${id}`)).statusCode).toBe(200);
    expect(await w.deps.db.selectFrom('person_post').select('person_id').where('post_id', '=', id).execute()).toEqual([]);
    expect(await auditCount('post.delete')).toBe(before + 1);
  });

  it('exports posts with their holders', async () => {
    await w.as('orgOfficer').patch(`/api/posts/${postId}`, { holderIds: [w.users.unitOfficer.personId, w.users.orgOfficer.personId] });
    const res = await w.as('orgOfficer').get('/api/posts/export.xlsx?lang=zh-CN');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['所在组织', '岗位名称', '岗位职责', '在岗人员', '排序']);
    expect(rows.find((r) => r[1] === '闸门运行岗')).toEqual(['运行股', '闸门运行岗', '负责闸门启闭与巡查', 'orgOfficer同志、unitOfficer同志', 2]);
  });
});

describe('leadership members', () => {
  let leaderId: string;

  it('appoints a leader with the orgs they oversee, shown on their record', async () => {
    const res = await w.as('orgOfficer').post('/api/leaders', {
      personId: w.users.secretary.personId, title: '党总支书记、局长', sort: 1, overseesOrgIds: [w.orgs.generalBranch, w.orgs.office],
    });
    expect(res.statusCode, res.body).toBe(201);
    leaderId = res.json().id;
    expect(res.json()).toMatchObject({ personId: w.users.secretary.personId, personName: 'secretary同志', title: '党总支书记、局长', sort: 1 });
    expect(res.json().oversees.map((o: { name: string }) => o.name).sort()).toEqual(['办公室', '局党总支'].sort());
    expect((await w.as('orgOfficer').get(`/api/people/${w.users.secretary.personId}`)).json().leaderTitle).toBe('党总支书记、局长');
    const dup = await w.as('orgOfficer').post('/api/leaders', { personId: w.users.secretary.personId, title: '重复', overseesOrgIds: [] });
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', params: { field: 'personId' } });
  });

  it('shows a leader to readers of where they work or of what they oversee', async () => {
    const unitLeader = await w.as('orgOfficer').post('/api/leaders', { personId: w.users.orgOfficer.personId, title: '副局长', sort: 2, overseesOrgIds: [w.orgs.unitA] });
    expect(unitLeader.statusCode).toBe(201);
    const all = (await w.as('auditor').get('/api/leaders')).json().items.map((l: { title: string }) => l.title);
    expect(all).toEqual(['党总支书记、局长', '副局长']);
    expect((await w.as('unitOfficer').get('/api/leaders')).json().items.map((l: { title: string }) => l.title)).toEqual(['副局长']);
    expect((await w.as('branchSecretary').get('/api/leaders')).json().items.map((l: { title: string }) => l.title)).toEqual(['党总支书记、局长']);
    expect((await w.as('staff').get('/api/leaders')).json().items).toEqual([]);
  });

  it('keeps appointments and oversight inside the manager\'s scope', async () => {
    const unitPerson = (await w.as('orgOfficer').post('/api/people', { name: '所领导', gender: 'male', politicalStatus: 'cpc_member', primaryOrgId: w.orgs.unitA })).json().id;
    const outside = await w.as('unitOfficer').post('/api/leaders', { personId: unitPerson, title: '所长', overseesOrgIds: [w.orgs.office] });
    expect(outside.statusCode).toBe(403);
    expect((await w.as('unitOfficer').patch(`/api/leaders/${leaderId}`, { sort: 5 })).statusCode).toBe(403);
    expect((await w.as('unitOfficer').delete(`/api/leaders/${leaderId}`)).statusCode).toBe(403);
    const inside = await w.as('unitOfficer').post('/api/leaders', { personId: unitPerson, title: '所长', overseesOrgIds: [w.orgs.unitASection] });
    expect(inside.statusCode).toBe(201);
  });

  it('updates title and oversight, and removes a leader without touching the person', async () => {
    const res = await w.as('orgOfficer').patch(`/api/leaders/${leaderId}`, { title: '局长', overseesOrgIds: [w.orgs.bureau] });
    expect(res.json()).toMatchObject({ title: '局长', oversees: [{ id: w.orgs.bureau, name: '长江河道管理局' }] });
    const rows = await sheetRows((await w.as('orgOfficer').get('/api/leaders/export.xlsx?lang=zh-CN')).rawPayload);
    expect(rows[0]).toEqual(['姓名', '职务', '分管组织', '排序']);
    expect(rows.find((r) => r[0] === 'secretary同志')).toEqual(['secretary同志', '局长', '长江河道管理局', 1]);
    expect((await w.as('orgOfficer').delete(`/api/leaders/${leaderId}`)).statusCode).toBe(200);
    expect(await w.deps.db.selectFrom('leader_oversight').select('org_id').where('leader_id', '=', leaderId).execute()).toEqual([]);
    expect((await w.as('orgOfficer').get(`/api/people/${w.users.secretary.personId}`)).json()).toMatchObject({ name: 'secretary同志', leaderTitle: null });
  });
});
