import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../platform/clock/clock.js';
import { forgetSettings } from '../../platform/settings/settings.js';
import { createWorld, type FixtureUser, type World } from '../../test/world.js';
import { ROSTER_HEADERS, multipartUpload, rosterWorkbook, type RosterCells } from './roster.fixture.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

async function upload(file: Buffer, as: FixtureUser = 'orgOfficer', opts: { field?: string } = {}) {
  const { body, headers } = multipartUpload(file, opts);
  return w.as(as).inject({ method: 'POST', url: '/api/people/import', payload: body, headers });
}

/** Row counts of everything an import may write: a refused import must leave every one unchanged. */
async function footprint() {
  const n = async (t: 'person' | 'person_org' | 'person_post' | 'audit_log') =>
    Number((await w.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { person: await n('person'), personOrg: await n('person_org'), personPost: await n('person_post'), audit: await n('audit_log') };
}

describe('roster import', () => {
  beforeAll(async () => {
    const post = await w.as('orgOfficer').post('/api/posts', { orgId: w.orgs.unitASection, name: '闸门运行岗' });
    expect(post.statusCode).toBe(201);
  });

  it('offers a template whose headers are the roster columns in the caller\'s language', async () => {
    for (const [lang, first] of [['zh-CN', '姓名'], ['en-US', 'Name']] as const) {
      const res = await w.as('unitOfficer').get(`/api/people/import-template.xlsx?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(headers).toHaveLength(9);
      expect(headers[0]).toBe(first);
      if (lang === 'zh-CN') expect(headers).toEqual(ROSTER_HEADERS);
      expect(wb.worksheets[0]!.getColumn(6).numFmt).toBe('@');
    }
  });

  it('creates every person of a good roster in one go, with one audit event', async () => {
    const rows: RosterCells[] = [
      ['赵一', '男', new Date(Date.UTC(1985, 4, 12)), '中共党员', '2008-07-01', '42010219850512001x', 13900000001, '运行股', '闸门运行岗'],
      ['钱二', '女', '1990/3/7', '群众', null, '420102199003070022', '13900000002', '运行股', null],
      ['孙三', 'male', '1991.11.02', 'CPC member', '2015年7月1日', '420102199111020033', null, '闸站管理所', null],
      ['李四', 'Female', null, 'cyl_member', null, null, '13900000004', '第一党支部', null],
      ['周五', '男', '1979-01-30', '中共预备党员', '2025-12-01', '420102197901300055', null, '办公室', null],
      ['吴六', '女', null, '民主党派', null, '420102198806060066', '13900000006', '第二党支部', null],
      ['郑七', '男', null, '群众', null, null, null, '局党总支', null],
      ['王八', '女', '2000-02-29', '共青团员', null, '420102200002290088', '13900000008', '运行股', '闸门运行岗'],
      ['冯九', '男', null, 'masses', null, '420102199505050099', null, '长江河道管理局', null],
      ['陈十', '女', '1988-08-08', '中共党员', '2010-06-30', '420102198808080100', '13900000010', '闸站管理所', null],
    ];
    const before = await footprint();
    const res = await upload(await rosterWorkbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, created: 10, errors: [] });
    const after = await footprint();
    expect(after.person - before.person).toBe(10);
    expect(after.personOrg - before.personOrg).toBe(10);
    const imported = await w.deps.db
      .selectFrom('person_org')
      .innerJoin('person', (j) => j.onRef('person.tenant_id', '=', 'person_org.tenant_id').onRef('person.id', '=', 'person_org.person_id'))
      .select(['person.primary_org_id', 'person_org.org_id', 'person_org.is_primary'])
      .where('person.name', 'in', rows.map((r) => r[0] as string))
      .execute();
    expect(imported.map((m) => [m.org_id === m.primary_org_id, Number(m.is_primary)])).toEqual(rows.map(() => [true, 1]));
    expect(after.personPost - before.personPost).toBe(2);
    expect(after.audit - before.audit).toBe(1);
    const audit = await w.deps.db.selectFrom('audit_log').select(['action', 'details']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.action).toBe('person.import');
    expect(JSON.parse(audit.details)).toEqual({ count: 10 });

    const zhao = (await w.as('orgOfficer').get('/api/people?q=赵一')).json().items[0];
    expect(zhao).toMatchObject({ gender: 'male', birthDate: '1985-05-12', politicalStatus: 'cpc_member', partyJoinDate: '2008-07-01', idNumberMasked: '4201**********001X', mobileMasked: '139****0001', primaryOrgName: '运行股' });
    const detail = (await w.as('orgOfficer').get(`/api/people/${zhao.id}`)).json();
    expect(detail.posts.map((p: { name: string }) => p.name)).toEqual(['闸门运行岗']);
    const sun = (await w.as('orgOfficer').get('/api/people?q=孙三')).json().items[0];
    expect(sun).toMatchObject({ birthDate: '1991-11-02', partyJoinDate: '2015-07-01', politicalStatus: 'cpc_member' });
    expect((await w.as('orgOfficer').get('/api/people?q=420102199003070022')).json().items[0].name).toBe('钱二');
  });

  it('stores nothing from a roster with bad rows and names exactly those rows', async () => {
    const rows: RosterCells[] = [
      ['好人甲', '男', null, '群众', null, '330106199201010011', null, '运行股', null],
      ['坏身份证', '女', null, '群众', null, '33010619920101001', null, '运行股', null],
      ['无此组织', '男', null, '群众', null, null, null, '不存在的股室', null],
      ['张\u200b三', '男', null, '群众', null, null, null, '运行股', null],
      ['重号', '女', null, '群众', null, '330106199201010011', null, '运行股', null],
      ['好人乙', '女', null, '群众', null, '330106199201010022', '13700000000', '办公室', null],
    ];
    const before = await footprint();
    const res = await upload(await rosterWorkbook(rows));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toEqual({
      ok: false,
      created: 0,
      errors: [
        { row: 3, column: 'idNumber', code: 'VALIDATION_FAILED' },
        { row: 4, column: 'org', code: 'NOT_FOUND' },
        { row: 5, column: 'name', code: 'INVALID_CHARACTERS' },
        { row: 6, column: 'idNumber', code: 'DUPLICATE' },
      ],
    });
    expect(await footprint()).toEqual(before);
    expect((await w.as('orgOfficer').get('/api/people?q=好人')).json().total).toBe(0);
  });

  it('refuses ID numbers already stored, orgs outside the importer\'s scope, ambiguous org names, unknown posts and digits Excel has rounded', async () => {
    await w.as('orgOfficer').post('/api/orgs', { parentId: w.orgs.unitA, kind: 'section', name: '综合股' });
    await w.as('orgOfficer').post('/api/orgs', { parentId: w.orgs.office, kind: 'section', name: '综合股' });
    const rows: RosterCells[] = [
      ['已有号码', '男', null, '群众', null, '42010219850512001X', null, '运行股', null],
      ['越权组织', '男', null, '群众', null, null, null, '办公室', null],
      ['同名组织', '女', null, '群众', null, null, null, '综合股', null],
      ['无此岗位', '女', null, '群众', null, null, null, '运行股', '不存在的岗位'],
      ['数字身份证', '男', null, '群众', null, Number('420102199505051234'), null, '运行股', null],
      ['性别不明', '未知', '1990-02-30', '无党派人士', null, null, '1234', '运行股', null],
    ];
    const before = await footprint();
    const res = await upload(await rosterWorkbook(rows), 'unitOfficer');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 2, column: 'idNumber', code: 'DUPLICATE' },
      { row: 3, column: 'org', code: 'FORBIDDEN' },
      { row: 4, column: 'org', code: 'CONFLICT' },
      { row: 5, column: 'post', code: 'NOT_FOUND' },
      { row: 6, column: 'idNumber', code: 'VALIDATION_FAILED' },
      { row: 7, column: 'gender', code: 'VALIDATION_FAILED' },
      { row: 7, column: 'birthDate', code: 'VALIDATION_FAILED' },
      { row: 7, column: 'politicalStatus', code: 'VALIDATION_FAILED' },
      { row: 7, column: 'mobile', code: 'VALIDATION_FAILED' },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it('reads English headers in any order and reports missing required columns against the header row', async () => {
    const en = await upload(await rosterWorkbook([['运行股', 'Tom', 'Male', 'Non-party']], ['Organisation', 'Name', 'Gender', 'Political status']));
    expect(en.json()).toEqual({ ok: true, created: 1, errors: [] });
    const missing = await upload(await rosterWorkbook([['某人', '男']], ['姓名', '性别']));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([
      { row: 1, column: 'politicalStatus', code: 'VALIDATION_FAILED' },
      { row: 1, column: 'org', code: 'VALIDATION_FAILED' },
    ]);
  });

  it('rejects what is not a roster workbook with a 4xx and stores nothing', async () => {
    const before = await footprint();
    const garbage = await upload(Buffer.from('姓名,性别\n张三,男\n'));
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.code).toBe('ARCHIVE_REJECTED');
    const good = await rosterWorkbook([['截断', '男', null, '群众', null, null, null, '运行股', null]]);
    const truncated = await upload(good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.statusCode).toBeGreaterThanOrEqual(400);
    expect(truncated.statusCode).toBeLessThan(500);
    expect(truncated.json().error.code).toMatch(/^(ARCHIVE_REJECTED|IMPORT_INVALID)$/);
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 200, 1200);
    const damaged = await upload(corrupt);
    expect(damaged.statusCode).toBeGreaterThanOrEqual(400);
    expect(damaged.statusCode).toBeLessThan(500);
    const empty = await upload(await rosterWorkbook([]));
    expect(empty.json().error).toMatchObject({ code: 'IMPORT_INVALID', params: { reason: 'empty' } });
    const wrongField = await upload(good, 'orgOfficer', { field: 'roster' });
    expect(wrongField.statusCode).toBe(400);
    const json = await w.as('orgOfficer').post('/api/people/import', { file: 'x' });
    expect([400, 415]).toContain(json.statusCode);
    expect(await footprint()).toEqual(before);
  });

  it('refuses an upload over the tenant\'s size limit', async () => {
    await w.deps.db.insertInto('setting').values({ tenant_id: w.tenantId, key: 'system.uploads.maxMegabytes', value: '1', updated_at: nowIso(w.clock), updated_by: null }).execute();
    forgetSettings(w.tenantId);
    try {
      const res = await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1024 * 1024 + 10)]));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    } finally {
      await w.deps.db.deleteFrom('setting').where('key', '=', 'system.uploads.maxMegabytes').execute();
      forgetSettings(w.tenantId);
    }
  });
});
