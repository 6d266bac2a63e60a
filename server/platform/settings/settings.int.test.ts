import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingDefs, settingKeys } from '../../../contracts/settings.js';
import { loadSettings } from './settings.js';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

async function auditOf(res: { headers: Record<string, unknown> }) {
  return w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();
}

async function storedSetting(key: string) {
  return w.deps.db.selectFrom('setting').selectAll().where('tenant_id', '=', w.tenantId).where('key', '=', key).executeTakeFirst();
}

describe('GET /api/settings', () => {
  it('shows the system administrator the system settings only, with value and default', async () => {
    const res = await w.as('sysadmin').get('/api/settings');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; kind: string; value: unknown; defaultValue: unknown }[];
    expect(items.map((i) => i.key).sort()).toEqual(settingKeys.filter((k) => settingDefs[k].kind === 'system').sort());
    expect(items.find((i) => i.key === 'system.uploads.maxMegabytes')).toEqual({ key: 'system.uploads.maxMegabytes', kind: 'system', value: 20, defaultValue: 20 });
  });

  it('shows the security administrator the security policy only, with the stored value', async () => {
    const items = (await w.as('secadmin').get('/api/settings')).json().items as { key: string; kind: string; value: unknown; defaultValue: unknown }[];
    expect(items.every((i) => i.kind === 'security')).toBe(true);
    expect(items).toHaveLength(settingKeys.filter((k) => settingDefs[k].kind === 'security').length);
    // The fixture world turns MFA off for the tenant.
    expect(items.find((i) => i.key === 'security.mfa.required')).toMatchObject({ value: false, defaultValue: true });
  });

  it('refuses everyone else', async () => {
    for (const who of ['auditor', 'secretary', 'orgOfficer', 'staff'] as const) expect((await w.as(who).get('/api/settings')).statusCode, who).toBe(403);
  });
});

describe('PUT /api/settings/:key', () => {
  it('stores a valid value, audits it and takes effect at once', async () => {
    const res = await w.as('sysadmin').put('/api/settings/system.uploads.maxMegabytes', { value: 50 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ key: 'system.uploads.maxMegabytes', kind: 'system', value: 50, defaultValue: 20 });
    expect((await loadSettings(w.deps.db, w.tenantId))['system.uploads.maxMegabytes']).toBe(50);
    expect(await storedSetting('system.uploads.maxMegabytes')).toMatchObject({ value: '50', updated_by: w.users.sysadmin.id });
    const audit = await auditOf(res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'setting.update', object_type: 'setting', object_id: 'system.uploads.maxMegabytes' });
  });

  it('lets the security administrator change the policy', async () => {
    const res = await w.as('secadmin').put('/api/settings/security.lockout.maxFailures', { value: 6 });
    expect(res.statusCode, res.body).toBe(200);
    const items = (await w.as('secadmin').get('/api/settings')).json().items as { key: string; value: unknown; defaultValue: unknown }[];
    expect(items.find((i) => i.key === 'security.lockout.maxFailures')).toMatchObject({ value: 6, defaultValue: 5 });
  });

  it('keeps each administrator to their own kind (三员分立)', async () => {
    const a = await w.as('sysadmin').put('/api/settings/security.password.minLength', { value: 12 });
    expect(a.statusCode).toBe(403);
    const b = await w.as('secadmin').put('/api/settings/system.notify.digestHour', { value: 7 });
    expect(b.statusCode).toBe(403);
    const c = await w.as('auditor').put('/api/settings/system.notify.digestHour', { value: 7 });
    expect(c.statusCode).toBe(403);
    expect(await storedSetting('security.password.minLength')).toBeUndefined();
    expect(await storedSetting('system.notify.digestHour')).toBeUndefined();
    expect([...(await auditOf(a)), ...(await auditOf(b)), ...(await auditOf(c))]).toEqual([]);
  });

  it('refuses a value outside the setting schema with SETTING_INVALID and stores nothing', async () => {
    for (const value of [0, 101, 20.5, '20', null, [20], { v: 20 }]) {
      const res = await w.as('sysadmin').put('/api/settings/system.uploads.maxMegabytes', { value });
      expect(res.statusCode, JSON.stringify(value)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'SETTING_INVALID', params: { key: 'system.uploads.maxMegabytes' } });
      expect(await auditOf(res)).toEqual([]);
    }
    const bad = await w.as('secadmin').put('/api/settings/security.mfa.exemptRoles', { value: ['staff', 'Not A Role'] });
    expect(bad.json().error.code).toBe('SETTING_INVALID');
    expect(await storedSetting('system.uploads.maxMegabytes')).toMatchObject({ value: '50' });
  });

  it('answers 404 for an unknown key and 400 for a malformed one', async () => {
    const unknown = await w.as('sysadmin').put('/api/settings/system.nothing.here', { value: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', params: { what: 'setting' } });
    for (const key of ['__proto__', 'constructor', 'toString']) {
      expect((await w.as('sysadmin').put(`/api/settings/${key}`, { value: 1 })).statusCode, key).toBeGreaterThanOrEqual(400);
    }
    expect((await w.as('sysadmin').put('/api/settings/constructor', { value: 1 })).statusCode).toBe(404);
    expect((await w.as('sysadmin').put(`/api/settings/${encodeURIComponent("x' or 1=1")}`, { value: 1 })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await w.as('sysadmin').put('/api/settings/system.uploads.maxMegabytes', {})).json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('dictionaries', () => {
  const create = (body: Record<string, unknown>, headers?: Record<string, string>) => w.as('sysadmin').post('/api/dicts', body, headers);

  it('lets every signed-in user read the lists, in order', async () => {
    const res = await w.as('staff').get('/api/dicts?dictCode=political_status');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; labelZh: string; builtin: boolean; enabled: boolean }[];
    expect(items.map((i) => i.code)).toEqual(['cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party', 'masses']);
    expect(items[0]).toMatchObject({ labelZh: '中共党员', builtin: true, enabled: true });
    const all = (await w.as('staff').get('/api/dicts')).json().items as { dictCode: string }[];
    expect(new Set(all.map((i) => i.dictCode))).toEqual(new Set(['political_status', 'evidence_form']));
  });

  it('adds an item to a known list, once', async () => {
    const res = await create({ dictCode: 'evidence_form', code: 'video', labelZh: '视频', labelEn: 'Video', sort: 55 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ dictCode: 'evidence_form', code: 'video', sort: 55, enabled: true, builtin: false });
    expect(await auditOf(res)).toHaveLength(1);
    const codes = ((await w.as('staff').get('/api/dicts?dictCode=evidence_form')).json().items as { code: string }[]).map((i) => i.code);
    expect(codes).toEqual(['minutes', 'report', 'plan', 'photo', 'ledger', 'video', 'talk_notes']);

    const dup = await create({ dictCode: 'evidence_form', code: 'video', labelZh: '视频2', labelEn: 'Video 2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
    const unknown = await create({ dictCode: 'no_such_list', code: 'x', labelZh: '某', labelEn: 'X' });
    expect(unknown.statusCode).toBe(404);
    const rows = await w.deps.db.selectFrom('dict_item').select('id').where('tenant_id', '=', w.tenantId).where('code', 'in', ['video', 'x']).execute();
    expect(rows).toHaveLength(1);
  });

  it('replays a create with the same Idempotency-Key instead of adding twice', async () => {
    const body = { dictCode: 'evidence_form', code: 'audio', labelZh: '录音', labelEn: 'Audio' };
    const first = await create(body, { 'idempotency-key': 'dict-audio-0001' });
    const again = await create(body, { 'idempotency-key': 'dict-audio-0001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
  });

  it('relabels, reorders and disables a built-in item but never deletes it', async () => {
    const photo = ((await w.as('staff').get('/api/dicts?dictCode=evidence_form')).json().items as { id: string; code: string }[]).find((i) => i.code === 'photo')!;
    const res = await w.as('sysadmin').patch(`/api/dicts/${photo.id}`, { labelZh: '照片资料', enabled: false, sort: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'photo', labelZh: '照片资料', labelEn: 'Photo', enabled: false, sort: 1, builtin: true });
    const del = await w.as('sysadmin').delete(`/api/dicts/${photo.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toMatchObject({ code: 'CONFLICT', params: { reason: 'builtin' } });
    expect(await auditOf(del)).toEqual([]);
    expect(await w.deps.db.selectFrom('dict_item').select('id').where('id', '=', photo.id).executeTakeFirst()).toBeDefined();
  });

  it('deletes an added item, then answers 404', async () => {
    const id = (await create({ dictCode: 'political_status', code: 'other', labelZh: '其他', labelEn: 'Other' })).json().id as string;
    const del = await w.as('sysadmin').delete(`/api/dicts/${id}`);
    expect(del.statusCode).toBe(200);
    expect(await auditOf(del)).toHaveLength(1);
    expect(((await w.as('staff').get('/api/dicts?dictCode=political_status')).json().items as { id: string }[]).map((i) => i.id)).not.toContain(id);
    expect((await w.as('sysadmin').delete(`/api/dicts/${id}`)).statusCode).toBe(404);
    expect((await w.as('sysadmin').patch(`/api/dicts/${id}`, { sort: 3 })).statusCode).toBe(404);
  });

  it('is edited by the system administrator only', async () => {
    for (const who of ['secadmin', 'auditor', 'orgOfficer', 'staff'] as const) {
      expect((await w.as(who).post('/api/dicts', { dictCode: 'evidence_form', code: 'memo', labelZh: '备忘', labelEn: 'Memo' })).statusCode, who).toBe(403);
    }
  });
});
