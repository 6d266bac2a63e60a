import { computeDraw, drawCommitment, DRAW_ALGORITHM, verifyDraw as verifyPublished } from '../../../contracts/draw-algorithm.js';
import type { DeclareDraw, DrawPool, DrawVerification, ExecuteDraw, RandomDraw, VerifyDraw } from '../../../contracts/inspections.js';
import type { Ctx, Tx } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, conflict, invalidState, notFound } from '../../platform/http/errors.js';
import { excludedInspectors } from './draw-pool.js';
import { authorizeOrgs } from './inspections.policy.js';
import * as repo from './draws.repo.js';
import { findPlan, replaceInspectors, replaceTargets, updatePlanRow } from './plans.repo.js';

const SEED_BYTES = 32;
const seedAad = (id: string) => `random_draw:seed:${id}`;

/** The seed stays hidden until the draw; afterwards everything is public to inspection readers. */
export function presentDraw(r: repo.DrawRow): RandomDraw {
  const drawn = r.status === 'drawn';
  return {
    id: r.id, planId: r.plan_id, purpose: r.purpose, algorithm: r.algorithm, pool: JSON.parse(r.pool) as DrawPool, commitment: r.commitment,
    status: r.status, committedAt: r.committed_at, seed: drawn ? r.seed : null, publicEntropy: drawn ? r.public_entropy : null,
    selection: drawn && r.selection ? (JSON.parse(r.selection) as RandomDraw['selection']) : null, drawnAt: r.drawn_at,
  };
}

export async function listDraws(ctx: Ctx, planId: string | undefined): Promise<RandomDraw[]> {
  return (await repo.listDraws(ctx.deps.db, ctx.tenantId, planId)).map(presentDraw);
}

export async function getDraw(ctx: Ctx, id: string): Promise<RandomDraw> {
  const row = await repo.findDraw(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('random_draw');
  return presentDraw(row);
}

async function buildPool(tx: Tx, ctx: Ctx, input: DeclareDraw): Promise<DrawPool> {
  const orgs = await repo.orgsByIds(tx, ctx.tenantId, input.orgIds);
  if (orgs.length !== input.orgIds.length) throw notFound('org');
  const people = await repo.personsByIds(tx, ctx.tenantId, input.inspectorIds);
  if (people.length !== input.inspectorIds.length) throw notFound('person');
  const memberships = await repo.membershipsOf(tx, ctx.tenantId, input.inspectorIds);
  const inspectorOrgs = new Map(people.map((p) => [p.id, [p.primary_org_id, ...memberships.filter((m) => m.person_id === p.id).map((m) => m.org_id)]]));
  const excluded = excludedInspectors(input.orgIds, await repo.chainLinks(tx, ctx.tenantId, input.orgIds), inspectorOrgs);
  if (input.targetCount > orgs.length) throw new AppError('VALIDATION_FAILED', { field: 'targetCount' });
  // Every org may come up, so each must leave enough inspectors from outside its chain.
  const short = orgs.find((o) => people.length - (excluded[o.id]?.length ?? 0) < input.inspectorsPerTarget);
  if (short) throw new AppError('VALIDATION_FAILED', { field: 'inspectorsPerTarget', orgId: short.id });
  return {
    orgs: orgs.map((o) => ({ id: o.id, name: o.name })), inspectors: people.map((p) => ({ id: p.id, name: p.name })), excluded,
    targetCount: input.targetCount, inspectorsPerTarget: input.inspectorsPerTarget,
  };
}

/**
 * Declares a draw: the pool and SM3 of a fresh secret seed are published now; from here on the
 * database refuses any change to them. The seed itself is kept encrypted until the draw.
 */
export async function declareDraw(ctx: Ctx, input: DeclareDraw): Promise<RandomDraw> {
  await authorizeOrgs(ctx.deps.db, ctx, 'draw:manage', input.orgIds);
  return transact(ctx, async (tx) => {
    const planId = input.planId ?? null;
    const plan = planId ? await findPlan(tx, ctx.tenantId, planId) : null;
    if (planId && !plan) throw notFound('inspection_plan');
    if (plan?.draw_id) throw conflict('plan_has_draw');
    if (plan?.status === 'completed') throw invalidState('plan_completed');
    const pool = await buildPool(tx, ctx, input);
    const id = newId();
    const seed = ctx.deps.crypto.randomBytes(SEED_BYTES).toString('hex');
    const row: repo.DrawRow = {
      tenant_id: ctx.tenantId, id, plan_id: planId, purpose: input.purpose, algorithm: DRAW_ALGORITHM, pool: JSON.stringify(pool),
      commitment: drawCommitment(ctx.deps.crypto.sm3, seed), seed_enc: ctx.deps.crypto.encrypt(ctx.tenantId, seed, seedAad(id)), status: 'committed',
      seed: null, public_entropy: null, selection: null, committed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      committed_at: nowIso(ctx.deps.clock), drawn_by: null, drawn_at: null,
    };
    await repo.insertDraw(tx, row);
    if (planId) await updatePlanRow(tx, ctx.tenantId, planId, { draw_id: id, updated_at: row.committed_at });
    await writeAudit(tx, ctx, {
      action: 'draw.declare', objectType: 'random_draw', objectId: id,
      details: { planId, orgs: pool.orgs.length, inspectors: pool.inspectors.length, targetCount: pool.targetCount, inspectorsPerTarget: pool.inspectorsPerTarget, commitment: row.commitment },
    });
    return presentDraw(row);
  });
}

/** Reveals the seed and makes the selection, exactly once; a plan's targets and inspectors come from it. */
export async function executeDraw(ctx: Ctx, id: string, input: ExecuteDraw): Promise<RandomDraw> {
  return transact(ctx, async (tx) => {
    const row = await repo.findDraw(tx, ctx.tenantId, id);
    if (!row) throw notFound('random_draw');
    const pool = JSON.parse(row.pool) as DrawPool;
    await authorizeOrgs(tx, ctx, 'draw:manage', pool.orgs.map((o) => o.id));
    if (row.status !== 'committed') throw conflict('already_drawn');
    const seed = ctx.deps.crypto.decrypt(ctx.tenantId, row.seed_enc, seedAad(id));
    const publicEntropy = input.publicEntropy ?? null;
    const selection = computeDraw(ctx.deps.crypto.sm3, pool, seed, publicEntropy);
    const reveal = { seed, public_entropy: publicEntropy, selection: JSON.stringify(selection), drawn_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, drawn_at: nowIso(ctx.deps.clock) };
    if (!(await repo.markDrawn(tx, ctx.tenantId, id, reveal))) throw conflict('already_drawn');
    if (row.plan_id) {
      await replaceTargets(tx, ctx.tenantId, row.plan_id, selection.map((s) => s.orgId));
      if (pool.inspectorsPerTarget > 0) await replaceInspectors(tx, ctx.tenantId, row.plan_id, [...new Set(selection.flatMap((s) => s.inspectorIds))]);
      await updatePlanRow(tx, ctx.tenantId, row.plan_id, { updated_at: reveal.drawn_at });
    }
    await writeAudit(tx, ctx, { action: 'draw.execute', objectType: 'random_draw', objectId: id, details: { planId: row.plan_id, commitment: row.commitment, targets: selection.map((s) => s.orgId) } });
    return presentDraw({ ...row, ...reveal, status: 'drawn' });
  });
}

/**
 * Recomputes any published draw (stored here or not). It changes nothing, but it is a POST like every
 * other state-changing call, so it leaves its one audit record: who checked which commitment, and the answer.
 */
export async function verifyDraw(ctx: Ctx, input: VerifyDraw): Promise<DrawVerification> {
  const result = verifyPublished(ctx.deps.crypto.sm3, input);
  await transact(ctx, (tx) =>
    writeAudit(tx, ctx, { action: 'draw.verify', objectType: 'random_draw', details: { commitment: input.commitment, commitmentMatches: result.commitmentMatches, selectionMatches: result.selectionMatches } }),
  );
  return result;
}
