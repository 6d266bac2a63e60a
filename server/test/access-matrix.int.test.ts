import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_CHANGING } from '../platform/http/route-config.js';
import { allCases } from './cases.js';
import type { CaseRequest, RouteCase } from './route-case.js';
import { allFixtureUsers, createWorld, type FixtureUser, type World } from './world.js';

let w: World;
beforeAll(async () => {
  // Thousands of requests a minute from one test address: far past the per-address ceiling a real client meets.
  w = await createWorld({ env: { QINGFENG_GLOBAL_RATE_PER_MIN: '10000000' } });
});
afterAll(async () => w.close());

const key = (method: string, route: string) => `${method} ${route}`;

/** Codes only the guard answers with: an allowed caller must never see them. */
const GUARD_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_HEADER_MISSING', 'MFA_REQUIRED', 'PASSWORD_CHANGE_REQUIRED'];

function errorCode(body: string): string | null {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

function allowed(c: RouteCase, user: FixtureUser | null): boolean {
  if (c.allow === 'public') return true;
  if (user === null) return false;
  return c.allow === 'any-session' || c.allow.includes(user);
}

async function call(user: FixtureUser | null, c: RouteCase, r: CaseRequest) {
  return w.as(user).inject({ method: c.method, url: r.url, headers: r.headers, ...(r.body === undefined ? {} : { payload: r.body as object }) });
}

async function auditCount(requestId: string): Promise<number> {
  const rows = await w.deps.db.selectFrom('audit_log').select('seq').where('request_id', '=', requestId).execute();
  return rows.length;
}

describe('route coverage', () => {
  it('every registered /api route has exactly one case, and every case a route', () => {
    const registered = new Set(w.app.apiRoutes.map((r) => key(r.method, r.url)));
    const cased = allCases.map((c) => key(c.method, c.route));
    expect([...registered].filter((r) => !cased.includes(r)), 'routes without a case').toEqual([]);
    expect(cased.filter((c) => !registered.has(c)), 'cases without a route').toEqual([]);
    expect(cased.length, 'duplicate cases').toBe(new Set(cased).size);
  });

  it('every state-changing route declares its audit action', () => {
    const missing = w.app.apiRoutes.filter((r) => STATE_CHANGING.has(r.method) && !r.config?.audit).map((r) => key(r.method, r.url));
    expect(missing).toEqual([]);
  });
});

describe.each(allCases.map((c) => [key(c.method, c.route), c] as const))('%s', (_name, c) => {
  it.each([...allFixtureUsers, null].map((u) => [u ?? 'anonymous', u] as const))('as %s', async (_label, user) => {
    const res = await call(user, c, await c.request(w, user));
    if (allowed(c, user)) {
      expect(GUARD_CODES, res.body).not.toContain(errorCode(res.body));
      expect(res.statusCode, res.body).toBeLessThan(500);
    } else {
      expect(res.statusCode, res.body).toBe(user === null ? 401 : 403);
      expect(errorCode(res.body)).toBe(user === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it('succeeds for an allowed caller and writes exactly one audit record when it changes state', async () => {
    const user = c.allow === 'public' ? null : c.allow === 'any-session' ? 'staff' : c.allow[0]!;
    const res = await call(user, c, await c.request(w, user));
    expect(res.statusCode, res.body).toBe(c.ok ?? 200);
    if (STATE_CHANGING.has(c.method) && res.statusCode < 300) expect(await auditCount(String(res.headers['x-request-id']))).toBe(1);
  });

  for (const s of c.scope ?? []) {
    it(`keeps ${s.as} inside their data scope`, async () => {
      const inside = await call(s.as, c, await s.inside(w));
      expect(inside.statusCode, inside.body).toBe(c.ok ?? 200);
      const outside = await call(s.as, c, await s.outside(w));
      expect(outside.statusCode, outside.body).toBe(s.denied ?? 404);
    });
  }
});
