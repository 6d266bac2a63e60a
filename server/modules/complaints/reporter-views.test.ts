import { describe, expect, it } from 'vitest';
import type { ReporterView } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { dropReporterView, keptReporterView, VIEW_TTL_MS } from './reporter-views.js';

const clock = new FakeClock('2026-03-02T09:00:00.000Z');
const ctx = { tenantId: 't-views', deps: { clock } } as unknown as Ctx;
const view = (status: string) => ({ status }) as unknown as ReporterView;
const statusOf = (json: string) => (JSON.parse(json) as { status: string }).status;

describe('kept reporter views', () => {
  it('serve a poll from memory within VIEW_TTL_MS and build again after it', async () => {
    let builds = 0;
    const build = async () => view(`built ${(builds += 1)}`);
    expect(statusOf(await keptReporterView(ctx, 'c1', build))).toBe('built 1');
    expect(statusOf(await keptReporterView(ctx, 'c1', build))).toBe('built 1');
    clock.advance(VIEW_TTL_MS);
    expect(statusOf(await keptReporterView(ctx, 'c1', build))).toBe('built 2');
  });

  it('are dropped by a committed change, and a build that began before the change is not kept', async () => {
    await keptReporterView(ctx, 'c2', async () => view('old'));
    dropReporterView('t-views', 'c2');
    let release!: () => void;
    const inFlight = keptReporterView(ctx, 'c2', () => new Promise((resolve) => (release = () => resolve(view('read before the change')))));
    dropReporterView('t-views', 'c2');
    release();
    expect(statusOf(await inFlight)).toBe('read before the change');
    expect(statusOf(await keptReporterView(ctx, 'c2', async () => view('fresh')))).toBe('fresh');
    expect(statusOf(await keptReporterView(ctx, 'c2', async () => view('not built'))), 'a build after the change is kept').toBe('fresh');
  });

  it('are kept per tenant and complaint', async () => {
    await keptReporterView(ctx, 'c3', async () => view('c3'));
    expect(statusOf(await keptReporterView(ctx, 'c4', async () => view('c4')))).toBe('c4');
    expect(statusOf(await keptReporterView({ ...ctx, tenantId: 'other' } as Ctx, 'c3', async () => view('other tenant')))).toBe('other tenant');
  });
});
