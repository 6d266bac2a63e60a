import { randomInt } from 'node:crypto';
import type { Static } from 'typebox';
import type { ClueSpotCheckDrawResult } from '../../../../contracts/clues.js';
import type { Ctx } from '../../../platform/context.js';
import { userId } from '../../../platform/context.js';
import { writeAudit } from '../../../platform/audit/audit.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { transact } from '../../../platform/db/transact.js';
import { conflict } from '../../../platform/http/errors.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { viewerOf, visibleTo } from '../clues.recusal.js';
import { appendClueStep } from '../steps/steps.append.js';

type DrawResult = Static<typeof ClueSpotCheckDrawResult>;

/** First and last day of a quarter. */
export function quarterRange(year: number, quarter: number): [string, string] {
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return [`${year}-${mm(first)}-01`, `${year}-${mm(first + 2)}-${last}`];
}

/** How many of `population` replies a `percent` share draws: rounded up, so any reply at all means one check. */
export const drawSize = (population: number, percent: number) => Math.min(population, Math.ceil((population * percent) / 100));

/** `k` distinct indexes below `n`, by a partial Fisher-Yates shuffle on the operating system's CSPRNG. */
export function pickRandom(n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i += 1) {
    const j = i + randomInt(n - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k);
}

/**
 * 抽查核实 draw for a quarter: among the endorsed replies of that quarter on clues the caller runs that no
 * draw has considered yet, `system.clue.spotCheckPercent` are drawn at random. Every considered clue gets a
 * signed step saying whether it was drawn, so the log shows the draw was made and what it chose; a reply is
 * never considered twice, which keeps the share over the quarter however often staff draw.
 */
export async function drawSpotChecks(ctx: Ctx, input: { year: number; quarter: number }): Promise<DrawResult> {
  const percent = (await loadSettings(ctx.deps.db, ctx.tenantId))['system.clue.spotCheckPercent'];
  const [from, to] = quarterRange(input.year, input.quarter);
  return transact(ctx, async (tx) => {
    const viewer = (await viewerOf(tx, ctx))!;
    const pool = await tx
      .selectFrom('clue_talk_inquiry as t')
      .innerJoin('clue as c', (j) => j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.clue_id'))
      .select(['t.id', 't.clue_id', 'c.code'])
      .where('t.tenant_id', '=', ctx.tenantId)
      .where('t.endorsed_on', '>=', from)
      .where('t.endorsed_on', '<=', to)
      .where('t.spot_draw_id', 'is', null)
      .where(visibleTo(viewer))
      .where((eb) =>
        eb.exists(
          eb.selectFrom('clue_access as r').select('r.id')
            .whereRef('r.tenant_id', '=', 'c.tenant_id').whereRef('r.clue_id', '=', 'c.id')
            .where('r.account_id', '=', viewer.accountId).where('r.removed_at', 'is', null).where('r.role', 'in', ['owner', 'handler']),
        ),
      )
      .orderBy('c.code')
      .execute();
    const chosen = new Set(pickRandom(pool.length, drawSize(pool.length, percent)).map((i) => pool[i]!.id));
    const drawId = newId();
    await tx.insertInto('clue_spot_draw').values({
      tenant_id: ctx.tenantId, id: drawId, year: input.year, quarter: input.quarter, percent, population: pool.length, drawn: chosen.size,
      drawn_by: userId(ctx), drawn_at: nowIso(ctx.deps.clock),
    }).execute();
    for (const p of pool) {
      const taken = await tx
        .updateTable('clue_talk_inquiry')
        .set({ spot_draw_id: drawId, spot_selected: chosen.has(p.id) ? 1 : 0 })
        .where('tenant_id', '=', ctx.tenantId)
        .where('id', '=', p.id)
        .where('spot_draw_id', 'is', null)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) throw conflict('spot_draw_concurrent');
      await appendClueStep(tx, ctx, p.clue_id, 'spot_check_drawn', {
        drawId, year: input.year, quarter: input.quarter, percent, population: pool.length, talkId: p.id, selected: chosen.has(p.id),
      });
    }
    await writeAudit(tx, ctx, { action: 'clue.spot_draw', objectType: 'clue_spot_draw', objectId: drawId });
    return { year: input.year, quarter: input.quarter, percent, population: pool.length, drawn: pool.filter((p) => chosen.has(p.id)).map((p) => ({ id: p.clue_id, code: p.code })) };
  });
}
