import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

describe('security headers on API answers', () => {
  it('are the API set: nothing loads from or frames an answer, nothing caches or sniffs it', async () => {
    for (const res of [await w.as(null).get('/api/health'), await w.as('staff').get('/api/auth/me'), await w.as(null).get('/api/people')]) {
      expect(res.headers).toMatchObject({
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'cross-origin-resource-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['origin-agent-cluster'], 'page-only headers stay on pages').toBeUndefined();
    }
  });

  it('leave the API documentation page its page headers', async () => {
    const res = await w.as('staff').get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).not.toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['origin-agent-cluster']).toBe('?1');
  });
});
