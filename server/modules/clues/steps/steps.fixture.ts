import { sql } from 'kysely';
import { loadUserActor } from '../../../platform/access/actor.js';
import { createSession, resolveSession } from '../../../platform/auth/session.js';
import { nowIso } from '../../../platform/clock/clock.js';
import type { Ctx, Deps, Tx } from '../../../platform/context.js';
import { newId } from '../../../platform/db/ids.js';
import type { FixtureUser, World } from '../../../test/world.js';
import { appendClueStep } from './steps.append.js';
import type { StepFacts } from './steps.chain.js';

/** Test support for the step log: contexts, bare clue rows, steps, and writes past the append-only triggers. */

export async function accountCtx(deps: Deps, tenantId: string, accountId: string): Promise<Ctx> {
  const { token } = await createSession(deps, deps.db, { tenantId, userId: accountId, mfaOk: true, sourceIp: null });
  const loaded = await loadUserActor(deps, (await resolveSession(deps, token))!);
  return { deps, actor: loaded!.actor, tenantId, requestId: null, sourceIp: null, idempotency: null };
}

export const userCtx = (w: World, user: FixtureUser): Promise<Ctx> => accountCtx(w.deps, w.tenantId, w.users[user].id);

let counter = 0;

/** Where a bare clue goes: a fixture world, or any tenant of a running app. */
export interface ClueTarget {
  deps: Deps;
  tenantId: string;
  orgs: { unitA: string };
}

/** A clue row with no sealed fields: the step log needs only its id and head columns. */
export async function bareClue(w: ClueTarget, reportedOrg = w.orgs.unitA): Promise<string> {
  const id = newId();
  counter += 1;
  const at = nowIso(w.deps.clock);
  await w.deps.db
    .insertInto('clue')
    .values({
      tenant_id: w.tenantId, id, code: `XS-T-${counter}-${id.slice(-6)}`, year: 2026, seq: counter, source: 'letter', named: 0, category: 'integrity',
      status: 'registered', received_on: at.slice(0, 10), registered_at: at, registered_by: null, reported_person_id: null, reported_name_enc: null,
      reported_org_id: reportedOrg, reported_level: 'below', summary_enc: null, content_enc: null, reporter_name_enc: null, reporter_mobile_enc: null,
      reporter_unit_enc: null, repeat_of: null, complaint_id: null, scope_decision: null, scope_decided_on: null, scope_decided_by: null,
      scope_reason_enc: null, forward_recipient: null, forward_ack_due: null, forward_ack_on: null, forward_ack_note_enc: null, erased_at: null,
      method: null, outcome_form: null, outcome_measure: null, closed_on: null, acceptance_notice_on: null, result_notice_on: null,
      disposal_due: null, disposal_due_kind: null, step_count: 0, step_head: null, updated_at: at,
    })
    .execute();
  return id;
}

export function appendAs(ctx: Ctx, clueId: string, steps: [Parameters<typeof appendClueStep>[3], StepFacts][]) {
  return ctx.deps.db.transaction().execute(async (tx: Tx) => {
    const out = [];
    for (const [kind, facts] of steps) out.push(await appendClueStep(tx, ctx, clueId, kind, facts));
    return out;
  });
}

/**
 * What someone with database superuser rights can do: switch the append-only triggers off (SQLite: drop and
 * recreate them; PostgreSQL: DISABLE TRIGGER USER), change rows, switch them back on.
 */
export async function privileged(w: { deps: Deps }, fn: () => Promise<unknown>): Promise<void> {
  const db = w.deps.db;
  if (w.deps.dialect === 'sqlite') {
    const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'clue_step'`.execute(db);
    if (triggers.rows.length < 2) throw new Error('clue_step has lost its append-only triggers');
    for (const t of triggers.rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
    try {
      await fn();
    } finally {
      for (const t of triggers.rows) await sql.raw(t.sql).execute(db);
    }
    return;
  }
  await sql`alter table clue_step disable trigger user`.execute(db);
  try {
    await fn();
  } finally {
    await sql`alter table clue_step enable trigger user`.execute(db);
  }
}

/** Puts a fixture user on a clue's access list directly, as the clue services would. */
export async function listOn(w: World, clueId: string, user: FixtureUser, role: 'owner' | 'handler' | 'approver' | 'registrar' = 'handler'): Promise<void> {
  await w.deps.db
    .insertInto('clue_access')
    .values({ tenant_id: w.tenantId, id: newId(), clue_id: clueId, account_id: w.users[user].id, role, added_by: null, added_at: nowIso(w.deps.clock), removed_by: null, removed_at: null })
    .execute();
}
