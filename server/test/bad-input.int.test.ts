import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCases } from './cases.js';
import { PLAIN_ATTACKS, TEXT_ATTACKS, stringFormats, wrongTypeFor, type JsonSchema } from './bad-input.js';
import type { RouteCase } from './route-case.js';
import { createWorld, type FixtureUser, type World } from './world.js';

let w: World;
beforeAll(async () => {
  // Thousands of requests a minute from one test address: far past the per-address ceiling a real client meets.
  w = await createWorld({ env: { QINGFENG_GLOBAL_RATE_PER_MIN: '10000000' } });
});
afterAll(async () => w.close());

/** Tables whose rows move for reasons other than the request's business effect. */
const VOLATILE = new Set(['session', 'rate_limit', 'login_throttle', 'job', 'kysely_migration', 'kysely_migration_lock']);

/** A fingerprint of every business row: a rejected request must leave it unchanged. */
async function snapshot(): Promise<string> {
  // On PostgreSQL the introspection sees every schema of the database; only this test's own counts.
  const own = w.deps.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(w.deps.db)).rows[0]?.s : undefined;
  const tables = (await w.deps.db.introspection.getTables())
    .filter((t) => own === undefined || t.schema === own)
    .map((t) => t.name)
    .filter((n) => !VOLATILE.has(n))
    .sort();
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(w.deps.db);
    parts.push(`${t}:${rows.rows.map((r) => JSON.stringify(r)).sort().join('|')}`);
  }
  return w.deps.crypto.sm3(parts.join('\n'));
}

function caller(c: RouteCase): FixtureUser | null {
  return c.allow === 'public' ? null : c.allow === 'any-session' ? 'staff' : c.allow[0]!;
}

const withBody = allCases.filter((c) => c.method !== 'GET' && c.method !== 'DELETE' && !c.multipart);
const withQuery = allCases.filter((c) => c.method === 'GET');
const withId = allCases.filter((c) => c.route.includes('/:id'));

function schemaOf(c: RouteCase, part: 'body' | 'querystring'): JsonSchema | undefined {
  const r = w.app.apiRoutes.find((x) => x.method === c.method && x.url === c.route);
  return (r?.schema as Record<string, JsonSchema> | undefined)?.[part];
}

describe.each(withBody.map((c) => [`${c.method} ${c.route}`, c] as const))('bad bodies: %s', (_n, c) => {
  it('refuses every malformed, oversized, mistyped or hostile body with a 4xx code and changes nothing', async () => {
    const user = caller(c);
    const base = await c.request(w, user);
    const client = w.as(user);
    const before = await snapshot();
    const send = (payload: string | object, contentType = 'application/json') =>
      client.inject({ method: c.method, url: base.url, headers: { 'content-type': contentType, ...base.headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
    const expectRefused = async (payload: string | object, codes: string[], contentType?: string) => {
      const res = await send(payload, contentType);
      expect(res.statusCode, `${JSON.stringify(payload).slice(0, 80)} → ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(codes, res.body).toContain(res.json().error.code);
      expect(res.body).not.toMatch(/at .+\.(ts|js):\d+/);
    };

    await expectRefused('{"broken":', ['MALFORMED_JSON']);
    await expectRefused('{"__proto__":{"admin":true}}', ['MALFORMED_JSON', 'VALIDATION_FAILED']);
    await expectRefused(JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 1) }), ['PAYLOAD_TOO_LARGE']);
    await expectRefused('name=x', ['UNSUPPORTED_MEDIA_TYPE'], 'text/plain');
    const body = (base.body ?? {}) as Record<string, unknown>;
    await expectRefused({ ...body, unexpectedField: 1 }, ['VALIDATION_FAILED']);
    const schema = schemaOf(c, 'body');
    for (const [prop, ps] of Object.entries(schema?.properties ?? {})) {
      const wrong = wrongTypeFor(ps);
      if (wrong !== undefined) await expectRefused({ ...body, [prop]: wrong }, ['VALIDATION_FAILED']);
      const formats = stringFormats(ps);
      const attacks = formats.includes('plain') ? PLAIN_ATTACKS : formats.includes('text') ? TEXT_ATTACKS : {};
      for (const attack of Object.values(attacks)) await expectRefused({ ...body, [prop]: attack }, ['INVALID_CHARACTERS', 'VALIDATION_FAILED']);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe.each(withQuery.map((c) => [`${c.method} ${c.route}`, c] as const))('bad queries: %s', (_n, c) => {
  it('refuses hostile query parameters with a 4xx code', async () => {
    const user = caller(c);
    const base = await c.request(w, user);
    const schema = schemaOf(c, 'querystring');
    for (const [prop, ps] of Object.entries(schema?.properties ?? {})) {
      const attacks = stringFormats(ps).includes('plain') ? Object.values(PLAIN_ATTACKS) : ["1' OR '1'='1", '<script>'];
      for (const attack of attacks) {
        const sep = base.url.includes('?') ? '&' : '?';
        const res = await w.as(user).get(`${base.url}${sep}${prop}=${encodeURIComponent(attack)}`);
        expect(res.statusCode, `${prop}=${attack} → ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
    }
  });
});

describe.each(withId.map((c) => [`${c.method} ${c.route}`, c] as const))('bad ids: %s', (_n, c) => {
  it('refuses a forged id with a 4xx code', async () => {
    const user = caller(c);
    const base = await c.request(w, user);
    const forged = base.url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, encodeURIComponent("1' OR '1'='1"));
    // A multipart case's headers carry its boundary: without them the body would be refused before the id is read.
    const res = await w.as(user).inject({ method: c.method, url: forged, headers: base.headers, ...(base.body === undefined ? {} : { payload: base.body as object }) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
