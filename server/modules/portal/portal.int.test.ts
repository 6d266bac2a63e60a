import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../platform/tenancy/create-tenant.js';
import { forgetTenants } from '../../platform/tenancy/tenancy.js';
import { createWorld, type World } from '../../test/world.js';

const lines: string[] = [];
let w: World;
beforeAll(async () => {
  w = await createWorld({ logTo: { write: (line) => void lines.push(line) } });
});
afterAll(async () => w.close());

describe('GET /api/portal/site', () => {
  it('names the tenant and lists the open sections to an anonymous caller', async () => {
    const res = await w.as(null).get('/api/portal/site');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: '测试单位', sections: ['home', 'about', 'complaint', 'follow-up', 'stats'] });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sets no cookie, with or without a staff session', async () => {
    const anonymous = await w.as(null).get('/api/portal/site');
    const staff = await w.as('staff').get('/api/portal/site');
    expect(anonymous.headers['set-cookie']).toBeUndefined();
    expect(staff.headers['set-cookie']).toBeUndefined();
    expect(staff.json()).toEqual(anonymous.json());
  });

  it('serves the tenant bound to the Host header', async () => {
    const other = await createTenant(w.deps, { code: 'river', name: '河道管理站', isDefault: false, isDemo: false });
    await w.deps.db.updateTable('tenant').set({ host: 'river.example.cn' }).where('id', '=', other).execute();
    forgetTenants();
    const res = await w.app.inject({ method: 'GET', url: '/api/portal/site', headers: { host: 'river.example.cn' } });
    expect(res.json().name).toBe('河道管理站');
    const fallback = await w.app.inject({ method: 'GET', url: '/api/portal/site', headers: { host: 'unknown.example.cn' } });
    expect(fallback.json().name).toBe('测试单位');
  });

  it('leaves no access line and no client address in the log, even at trace level', async () => {
    lines.length = 0;
    const res = await w.app.inject({
      method: 'GET',
      url: '/api/portal/site?from=203.0.113.77',
      remoteAddress: '203.0.113.77',
      headers: { 'x-forwarded-for': '198.51.100.9', 'user-agent': 'PortalVisitor/1.0' },
    });
    expect(res.statusCode).toBe(200);
    const log = lines.join('\n');
    expect(log).not.toContain(String(res.headers['x-request-id']));
    expect(log).not.toContain('203.0.113.77');
    expect(log).not.toContain('198.51.100.9');
    expect(log).not.toContain('PortalVisitor');
  });
});
