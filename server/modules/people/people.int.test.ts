import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetGrants } from '../../platform/access/actor.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const ID_NUMBER = '11010119900307123X';
const MOBILE = '13800138000';

async function audits(action: string, objectId?: string) {
  let q = w.deps.db.selectFrom('audit_log').select(['actor_id', 'object_id', 'details']).where('tenant_id', '=', w.tenantId).where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.execute();
}

async function create(body: Record<string, unknown>, as: 'orgOfficer' | 'unitOfficer' | 'sysadmin' = 'orgOfficer') {
  return w.as(as).post('/api/people', { gender: 'female', politicalStatus: 'masses', primaryOrgId: w.orgs.unitASection, ...body });
}

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((p) => p.name);

describe('people', () => {
  let personId: string;

  beforeAll(async () => {
    const res = await create({ name: '王秀英', gender: 'female', birthDate: '1990-03-07', politicalStatus: 'cpc_member', partyJoinDate: '2012-07-01', idNumber: ID_NUMBER, mobile: MOBILE, orgIds: [w.orgs.branch1] });
    expect(res.statusCode, res.body).toBe(201);
    personId = res.json().id;
  });

  it('stores ID and mobile numbers sealed and shows them masked only', async () => {
    const detail = await w.as('secretary').get(`/api/people/${personId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      name: '王秀英', idNumberMasked: '1101**********123X', mobileMasked: '138****8000', primaryOrgId: w.orgs.unitASection, primaryOrgName: '运行股',
      leaderTitle: null, userId: null, posts: [],
    });
    expect(detail.json().orgs.map((o: { name: string }) => o.name).sort()).toEqual(['第一党支部', '运行股'].sort());
    expect(detail.body).not.toContain(ID_NUMBER);
    expect(detail.body).not.toContain(MOBILE);
    const row = await w.deps.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(row)).not.toContain(MOBILE.slice(3));
    expect(row.id_number_bidx).toBe(w.deps.crypto.blindIndex(w.tenantId, 'person.id_number', ID_NUMBER));
    expect(w.deps.crypto.decrypt(w.tenantId, row.id_number_enc!, `person:id_number:${personId}`)).toBe(ID_NUMBER);
    expect(() => w.deps.crypto.decrypt(w.tenantId, row.id_number_enc!, `person:mobile:${personId}`)).toThrow();
  });

  it('audits the create without the sensitive values', async () => {
    const [a] = await audits('person.create', personId);
    expect(a?.details).not.toContain(ID_NUMBER);
    expect(a?.details).not.toContain(MOBILE);
  });

  it('names the account that signs in as a person', async () => {
    const res = await w.as('orgOfficer').get(`/api/people/${w.users.unitOfficer.personId}`);
    expect(res.json().userId).toBe(w.users.unitOfficer.id);
  });

  it('finds a person by exact mobile or ID number through the blind index, never by a fragment', async () => {
    const byMobile = await w.as('orgOfficer').get(`/api/people?mobile=${MOBILE}`);
    expect(byMobile.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect((await w.as('orgOfficer').get('/api/people?mobile=13800138001')).json().total).toBe(0);
    expect(names(await w.as('orgOfficer').get(`/api/people?q=${ID_NUMBER}`))).toEqual(['王秀英']);
    expect(names(await w.as('orgOfficer').get(`/api/people?q=${ID_NUMBER.toLowerCase()}`))).toEqual(['王秀英']);
    expect((await w.as('orgOfficer').get(`/api/people?q=${ID_NUMBER.slice(0, 10)}`)).json().total).toBe(0);
  });

  it('searches names by substring, case-insensitively, with wildcards taken literally', async () => {
    await create({ name: 'Alice王' });
    await create({ name: '李_四' });
    expect(names(await w.as('orgOfficer').get('/api/people?q=alice'))).toEqual(['Alice王']);
    expect(names(await w.as('orgOfficer').get('/api/people?q=秀英'))).toEqual(['王秀英']);
    expect(names(await w.as('orgOfficer').get('/api/people?q=_'))).toEqual(['李_四']);
    expect((await w.as('orgOfficer').get('/api/people?q=%25')).json().total).toBe(0);
  });

  it('filters by org subtree through memberships, political status, gender and status, and pages in name order', async () => {
    const inBranch = names(await w.as('orgOfficer').get(`/api/people?orgId=${w.orgs.generalBranch}&pageSize=100`));
    expect(inBranch).toEqual(expect.arrayContaining(['王秀英', 'staff同志', 'branchSecretary同志', 'secretary同志']));
    expect(inBranch).not.toContain('orgOfficer同志');
    expect(names(await w.as('orgOfficer').get(`/api/people?orgId=${w.orgs.office}`))).toEqual(['orgOfficer同志']);
    const cpc = (await w.as('orgOfficer').get('/api/people?politicalStatus=cpc_member&gender=female&pageSize=100')).json();
    expect(cpc.items.map((p: { name: string }) => p.name)).toEqual(['王秀英']);
    const all = (await w.as('orgOfficer').get('/api/people?pageSize=100')).json();
    const allNames: string[] = all.items.map((p: { name: string }) => p.name);
    expect(all.total).toBe(allNames.length);
    expect(allNames).toEqual([...allNames].sort());
    const page2 = (await w.as('orgOfficer').get('/api/people?page=2&pageSize=3')).json();
    expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 3 });
    expect(page2.items.map((p: { name: string }) => p.name)).toEqual(allNames.slice(3, 6));
    expect((await w.as('orgOfficer').get('/api/people?status=left')).json().total).toBe(0);
  });

  it('keeps a unit officer inside their subtree for reading and writing', async () => {
    const office = w.users.orgOfficer.personId!;
    const visible = (await w.as('unitOfficer').get('/api/people?pageSize=200')).json();
    expect(visible.items.map((p: { name: string }) => p.name)).toContain('王秀英');
    expect(visible.items.every((p: { primaryOrgId: string }) => [w.orgs.unitA, w.orgs.unitASection].includes(p.primaryOrgId))).toBe(true);
    expect((await w.as('unitOfficer').get(`/api/people?orgId=${w.orgs.office}`)).json().total).toBe(0);
    expect((await w.as('unitOfficer').get(`/api/people/${office}`)).statusCode).toBe(404);
    expect((await w.as('unitOfficer').patch(`/api/people/${office}`, { name: '改名' })).statusCode).toBe(403);
    expect((await w.as('unitOfficer').delete(`/api/people/${office}`)).statusCode).toBe(403);
    expect((await create({ name: '越权', primaryOrgId: w.orgs.office }, 'unitOfficer')).statusCode).toBe(403);
    expect((await w.as('unitOfficer').patch(`/api/people/${personId}`, { primaryOrgId: w.orgs.office })).statusCode).toBe(403);
    const row = await w.deps.db.selectFrom('person').select(['name', 'primary_org_id']).where('id', '=', office).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'orgOfficer同志', primary_org_id: w.orgs.office });
  });

  it('shows a self-scoped reader their own record and nobody else', async () => {
    expect((await w.as('staff').get('/api/people')).statusCode).toBe(403);
    const role = await w.deps.db.selectFrom('role').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', 'leader').executeTakeFirstOrThrow();
    await w.deps.db.insertInto('role_assignment').values({
      tenant_id: w.tenantId, id: newId(), user_id: w.users.staff.id, role_id: role.id, kind: 'business', scope_kind: 'self', scope_org_id: null,
      created_at: nowIso(w.clock), created_by: null,
    }).execute();
    forgetGrants();
    const list = (await w.as('staff').get('/api/people?pageSize=200')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([w.users.staff.personId]);
    expect(list.total).toBe(1);
    expect((await w.as('staff').get(`/api/people/${w.users.staff.personId}`)).statusCode).toBe(200);
    expect((await w.as('staff').get(`/api/people/${w.users.branchSecretary.personId}`)).statusCode).toBe(404);
    expect((await w.as('staff').get(`/api/people?orgId=${w.orgs.branch1}`)).json().items.map((p: { id: string }) => p.id)).toEqual([w.users.staff.personId]);
  });

  it('reveals the plaintext to a holder of person:reveal, for a reason the audit log keeps', async () => {
    const before = (await audits('person.reveal')).length;
    const res = await w.as('secretary').post(`/api/people/${personId}/reveal`, { reason: '核对干部档案' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: ID_NUMBER, mobile: MOBILE });
    expect(res.headers['cache-control']).toBe('no-store');
    const logged = await audits('person.reveal', personId);
    expect(logged).toHaveLength(before + 1);
    expect(logged[0]!.actor_id).toBe(w.users.secretary.id);
    expect(JSON.parse(logged[0]!.details)).toMatchObject({ reason: '核对干部档案' });
    expect(logged[0]!.details).not.toContain(ID_NUMBER);
    expect(logged[0]!.details).not.toContain(MOBILE);
  });

  it('refuses to reveal without person:reveal, or outside its scope, and logs no reveal then', async () => {
    const before = (await audits('person.reveal')).length;
    expect((await w.as('sysadmin').post(`/api/people/${personId}/reveal`, { reason: '查看' })).statusCode).toBe(403);
    expect((await w.as('branchSecretary').post(`/api/people/${personId}/reveal`, { reason: '查看' })).statusCode).toBe(403);
    expect((await w.as('unitOfficer').post(`/api/people/${w.users.orgOfficer.personId}/reveal`, { reason: '查看' })).statusCode).toBe(403);
    expect((await w.as('secretary').post(`/api/people/${personId}/reveal`, {})).statusCode).toBe(400);
    expect(await audits('person.reveal')).toHaveLength(before);
  });

  it('lets a reader reach a member of an org in their scope whose primary org lies elsewhere, and leaves changing the record to the primary org', async () => {
    const seconded = await create({ name: '借调人员', primaryOrgId: w.orgs.office, orgIds: [w.orgs.unitASection, w.orgs.branch1], mobile: '13700007777' });
    expect(seconded.statusCode, seconded.body).toBe(201);
    const id = seconded.json().id as string;
    expect(names(await w.as('branchSecretary').get('/api/people?pageSize=200'))).toContain('借调人员');
    expect((await w.as('branchSecretary').get(`/api/people/${id}`)).statusCode).toBe(200);
    expect(names(await w.as('unitOfficer').get(`/api/people?orgId=${w.orgs.unitA}&pageSize=200`))).toContain('借调人员');
    expect((await w.as('unitOfficer').get(`/api/people/${id}`)).json().primaryOrgName).toBe('办公室');
    const revealed = await w.as('unitOfficer').post(`/api/people/${id}/reveal`, { reason: '联系借调人员' });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().mobile).toBe('13700007777');
    expect((await w.as('unitOfficer').post('/api/posts', { orgId: w.orgs.unitASection, name: '借调岗位', holderIds: [id] })).statusCode).toBe(201);
    expect((await w.as('unitOfficer').patch(`/api/people/${id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await w.as('unitOfficer').delete(`/api/people/${id}`)).statusCode).toBe(403);
    expect((await w.as('unitOfficer').post('/api/leaders', { personId: id, title: '副所长', overseesOrgIds: [w.orgs.unitASection] })).statusCode).toBe(403);

    expect((await w.as('orgOfficer').patch(`/api/people/${id}`, { orgIds: [w.orgs.branch1] })).statusCode).toBe(200);
    expect((await w.as('unitOfficer').get(`/api/people/${id}`)).statusCode).toBe(404);
    expect(names(await w.as('unitOfficer').get('/api/people?pageSize=200'))).not.toContain('借调人员');
    expect((await w.as('unitOfficer').post(`/api/people/${id}/reveal`, { reason: '联系借调人员' })).statusCode).toBe(403);
    expect((await w.as('branchSecretary').get(`/api/people/${id}`)).statusCode).toBe(200);
  });

  it('marks exactly the primary org\'s membership as primary when a person is created, moved or given other orgs', async () => {
    const flags = async (personId: string) =>
      Object.fromEntries(
        (await w.deps.db.selectFrom('person_org').select(['org_id', 'is_primary']).where('tenant_id', '=', w.tenantId).where('person_id', '=', personId).execute()).map((m) => [m.org_id, Number(m.is_primary)]),
      );
    const id = (await create({ name: '调动人员', primaryOrgId: w.orgs.unitA, orgIds: [w.orgs.branch2, w.orgs.unitA] })).json().id as string;
    expect(await flags(id)).toEqual({ [w.orgs.unitA]: 1, [w.orgs.branch2]: 0 });
    expect((await w.as('orgOfficer').patch(`/api/people/${id}`, { primaryOrgId: w.orgs.branch2 })).statusCode).toBe(200);
    expect(await flags(id)).toEqual({ [w.orgs.branch2]: 1 });
    expect((await w.as('orgOfficer').patch(`/api/people/${id}`, { orgIds: [w.orgs.office, w.orgs.unitA] })).statusCode).toBe(200);
    expect(await flags(id)).toEqual({ [w.orgs.branch2]: 1, [w.orgs.office]: 0, [w.orgs.unitA]: 0 });
    const second = w.deps.db.insertInto('person_org').values({ tenant_id: w.tenantId, person_id: id, org_id: w.orgs.bureau, is_primary: 1 }).execute();
    await expect(second).rejects.toThrow();
  });

  it('updates fields, re-seals a changed number and drops a cleared one', async () => {
    const res = await w.as('unitOfficer').patch(`/api/people/${personId}`, { mobile: '13912345678', idNumber: null, status: 'left', orgIds: [w.orgs.branch2] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mobileMasked: '139****5678', idNumberMasked: null, status: 'left' });
    expect((await w.as('orgOfficer').get(`/api/people?mobile=${MOBILE}`)).json().total).toBe(0);
    expect((await w.as('orgOfficer').get('/api/people?mobile=13912345678')).json().items[0].id).toBe(personId);
    const row = await w.deps.db.selectFrom('person').select(['id_number_enc', 'id_number_bidx']).where('id', '=', personId).executeTakeFirstOrThrow();
    expect(row).toEqual({ id_number_enc: null, id_number_bidx: null });
    const orgs = (await w.as('orgOfficer').get(`/api/people/${personId}`)).json().orgs.map((o: { name: string }) => o.name);
    expect(orgs.sort()).toEqual(['第二党支部', '运行股'].sort());
    const [a] = await audits('person.update', personId);
    expect(JSON.parse(a!.details).fields.sort()).toEqual(['idNumber', 'mobile', 'orgIds', 'status']);
  });

  it('refuses a second person with a stored ID number, and an unknown political status or org', async () => {
    await create({ name: '甲', idNumber: '110101198001011111' });
    const dup = await create({ name: '乙', idNumber: '110101198001011111' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE', params: { field: 'idNumber' } });
    expect((await create({ name: '丙', politicalStatus: 'no_such_status' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await create({ name: '丁', orgIds: ['01900000-0000-7000-8000-000000000000'] })).statusCode).toBe(404);
    expect((await create({ name: '戊', idNumber: '11010119800101111' })).statusCode).toBe(400);
    expect((await create({ name: '己\u200b' })).json().error.code).toBe('INVALID_CHARACTERS');
    expect((await w.deps.db.selectFrom('person').select('id').where('name', 'in', ['乙', '丙', '丁', '戊']).execute())).toEqual([]);
  });

  it('replays an idempotent create instead of creating twice', async () => {
    const body = { name: '幂等人员', gender: 'male', politicalStatus: 'masses', primaryOrgId: w.orgs.unitA };
    const first = await w.as('orgOfficer').post('/api/people', body, { 'idempotency-key': 'people-create-0001' });
    const again = await w.as('orgOfficer').post('/api/people', body, { 'idempotency-key': 'people-create-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await w.deps.db.selectFrom('person').select('id').where('name', '=', '幂等人员').execute()).toHaveLength(1);
  });

  it('keeps a person an account signs in as, and deletes one without an account with their memberships and leadership', async () => {
    const linked = await w.as('orgOfficer').delete(`/api/people/${w.users.unitOfficer.personId}`);
    expect(linked.statusCode).toBe(409);
    expect(linked.json().error).toMatchObject({ code: 'CONFLICT', params: { reason: 'user_account' } });
    const id = (await create({ name: '待删人员', idNumber: '110101198802021234', orgIds: [w.orgs.branch2] })).json().id;
    await w.as('orgOfficer').post('/api/leaders', { personId: id, title: '副所长', overseesOrgIds: [w.orgs.unitASection] });
    const res = await w.as('orgOfficer').delete(`/api/people/${id}`);
    expect(res.statusCode).toBe(200);
    expect(await w.deps.db.selectFrom('person').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await w.deps.db.selectFrom('person_org').select('org_id').where('person_id', '=', id).execute()).toEqual([]);
    expect(await w.deps.db.selectFrom('leader').select('id').where('person_id', '=', id).execute()).toEqual([]);
    expect(await audits('person.delete', id)).toHaveLength(1);
    expect((await w.as('orgOfficer').get(`/api/people/${id}`)).statusCode).toBe(404);
  });

  it('exports the roster masked, with headers in the caller\'s language', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await w.as('orgOfficer').get(`/api/people/export.xlsx?lang=en-US&orgId=${w.orgs.unitA}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Name', 'Gender', 'Date of birth', 'Political status', 'Party joining date', 'ID number', 'Mobile', 'Organisation', 'Status']);
    const rows = ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toContain('Alice王');
    expect(rows.map((r) => r[0])).not.toContain('orgOfficer同志');
    const wang = rows.find((r) => r[0] === '王秀英')!;
    expect(wang[6]).toBe('139****5678');
    expect(wang[3]).toBe('CPC member');
  });
});
