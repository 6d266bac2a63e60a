import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../test/world.js';

let w: World;
beforeAll(async () => {
  w = await createWorld({ env: { QINGFENG_GLOBAL_RATE_PER_MIN: '5' } });
});
afterAll(async () => w.close());

describe('global rate limit per address', () => {
  it('answers 429 RATE_LIMITED past the configured requests a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await w.as(null).get('/api/health')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const over = await w.as(null).get('/api/health');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
  });
});
