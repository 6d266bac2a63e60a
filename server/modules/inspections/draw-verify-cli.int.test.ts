import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-process.js';
import { createWorld, type World } from '../../test/world.js';
import { declaredDraw } from './inspections.fixtures.js';

let w: World;
let dir: string;
let published: any;
beforeAll(async () => {
  w = await createWorld();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-draw-'));
  const d = await declaredDraw(w);
  await w.as('discipline').post(`/api/inspection-draws/${d.id}/draw`, { publicEntropy: '2026-03-02 lottery 03 17 22' });
  published = (await w.as('secretary').get(`/api/inspection-draws/${d.id}`)).json();
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await w.close();
});

function file(name: string, content: unknown): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return f;
}

describe('qingfeng draw verify', () => {
  it('verifies a draw exactly as the API published it, with no database or keys', async () => {
    const r = await runCli(['draw', 'verify', file('good.json', published)], {});
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Commitment matches/);
    expect(r.stdout).toMatch(/Selection matches/);
    expect(r.code).toBe(0);
  });

  it('rejects a file whose selection, seed or commitment was changed after publication', async () => {
    const moved = published.pool.orgs.find((o: { id: string }) => !published.selection.some((s: { orgId: string }) => s.orgId === o.id)).id;
    const selection = await runCli(['draw', 'verify', file('selection.json', { ...published, selection: [{ ...published.selection[0], orgId: moved }, ...published.selection.slice(1)] })], {});
    expect(selection.code).toBe(1);
    expect(selection.stdout).toMatch(/Selection does NOT match/);
    expect(selection.stdout).toContain(published.pool.orgs.find((o: { id: string }) => o.id === published.selection[0].orgId).name);
    const seed = await runCli(['draw', 'verify', file('seed.json', { ...published, seed: 'f'.repeat(64) })], {});
    expect(seed.code).toBe(1);
    expect(seed.stdout).toMatch(/Commitment does NOT match/);
    const commitment = await runCli(['draw', 'verify', file('commitment.json', { ...published, commitment: '0'.repeat(64) })], {});
    expect(commitment.code).toBe(1);
    expect(commitment.stdout).toMatch(/Verification failed/);
  });

  it('refuses what is not a drawn draw with exit code 2', async () => {
    expect((await runCli(['draw', 'verify', file('broken.json', '{"pool":')], {})).code).toBe(2);
    expect((await runCli(['draw', 'verify', file('undrawn.json', { ...published, status: 'committed', seed: null, selection: null })], {})).code).toBe(2);
    expect((await runCli(['draw', 'verify', path.join(dir, 'missing.json')], {})).code).toBe(2);
    expect((await runCli(['draw', 'verify'], {})).code).toBe(2);
  });
});
