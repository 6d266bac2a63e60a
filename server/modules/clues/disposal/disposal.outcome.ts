import type { Static } from 'typebox';
import type { Clue, DisciplineRecordList } from '../../../../contracts/clues.js';
import type { ClueMeasureCatalogue } from '../../../../contracts/clue-measures.js';
import type { Ctx } from '../../../platform/context.js';
import { userId } from '../../../platform/context.js';
import { nowIso, today } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { authorizePersonUse } from '../../people/people.policy.js';
import { addRectification } from '../../rectification/rectification.service.js';
import { updateClue } from '../clues.repo.js';
import { unsealClue } from '../clues.seal.js';
import { digestText } from '../steps/steps.append.js';
import * as repo from './disposal.repo.js';
import { sealRow } from './disposal.seal.js';
import { RUNNERS, disposalStep, requireStatus } from './disposal.step.js';

/** The calendar date `months` after `date`, on the last day of the month where that month is shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface OutcomeInput {
  form: number;
  measure: string;
  effectFrom?: string;
  note: string;
  rectification?: { title: string; problem: string; orgId: string; ownerId: string; days: number };
}

/**
 * 四种形态 outcome of a concluded clue: the form and a measure from that form's configured list, with the
 * effect period the catalogue gives it. A reported person from the directory gets a discipline record (form,
 * measure, dates — nothing that leads back to the clue); a rectification item, if asked for, is made
 * through the rectification service with a text that must not carry the clue number or the reporter's name.
 */
export function recordOutcome(ctx: Ctx, id: string, input: OutcomeInput): Promise<Clue> {
  return disposalStep(ctx, id, { audit: 'clue.outcome', roles: RUNNERS }, async ({ tx, clue }) => {
    requireStatus(clue, 'concluded');
    const catalogue: ClueMeasureCatalogue = (await loadSettings(tx, ctx.tenantId))['system.clue.outcomeMeasures'];
    const def = catalogue[String(input.form) as keyof ClueMeasureCatalogue].find((m) => m.code === input.measure);
    if (!def) throw new AppError('VALIDATION_FAILED', { field: 'measure' });
    const day = today(ctx.deps.clock);
    const effectFrom = def.effectMonths > 0 ? (input.effectFrom ?? day) : (input.effectFrom ?? null);
    const effectUntil = effectFrom && def.effectMonths > 0 ? addMonths(effectFrom, def.effectMonths) : null;
    const at = nowIso(ctx.deps.clock);
    const oid = newId();
    let recordId: string | null = null;
    if (clue.row.reported_person_id) {
      recordId = newId();
      await repo.insertDisciplineRecord(tx, {
        tenant_id: ctx.tenantId, id: recordId, person_id: clue.row.reported_person_id, form: input.form, measure: input.measure,
        effect_from: effectFrom, effect_until: effectUntil, recorded_on: day,
      });
    }
    let rect: { id: string; code: string } | null = null;
    if (input.rectification) {
      const r = input.rectification;
      const reporter = unsealClue(ctx, 'reporter_name', id, clue.row.reporter_name_enc);
      const text = `${r.title}\n${r.problem}`;
      if (text.includes(clue.row.code) || (reporter && text.includes(reporter))) throw new AppError('VALIDATION_FAILED', { field: 'rectification' });
      rect = await addRectification(tx, ctx, {
        sourceType: 'clue_outcome', sourceId: oid, title: r.title, problem: r.problem, orgId: r.orgId, ownerId: r.ownerId, days: r.days,
        measures: [{ description: r.title, ownerId: r.ownerId }],
      });
    }
    await repo.insertOutcome(tx, {
      tenant_id: ctx.tenantId, id: oid, clue_id: id, form: input.form, measure: input.measure, effect_from: effectFrom, effect_until: effectUntil,
      note_enc: sealRow(ctx, 'clue_outcome', 'note', oid, input.note), record_id: recordId, rectification_id: rect?.id ?? null,
      rectification_code: rect?.code ?? null, by_id: userId(ctx), at,
    });
    await updateClue(tx, ctx.tenantId, id, { status: 'outcome_recorded', outcome_form: input.form, outcome_measure: input.measure, updated_at: at });
    return {
      kind: 'outcome_recorded',
      facts: {
        outcomeId: oid, form: input.form, measure: input.measure, effectFrom, effectUntil, recordId, rectificationId: rect?.id ?? null,
        rectificationCode: rect?.code ?? null, note: input.note ? digestText(ctx, input.note) : null,
      },
    };
  });
}

/** A person's discipline records for those who may read them over that person: form, measure and dates only. */
export async function listDisciplineRecords(ctx: Ctx, personId: string): Promise<Static<typeof DisciplineRecordList>> {
  const person = await repo.findPersonOrg(ctx.deps.db, ctx.tenantId, personId);
  if (!person) throw notFound('person');
  try {
    await authorizePersonUse(ctx, 'discipline_record:read', person);
  } catch (e) {
    if (e instanceof AppError && e.code === 'FORBIDDEN') throw notFound('person');
    throw e;
  }
  const rows = await repo.disciplineRecordsOf(ctx.deps.db, ctx.tenantId, personId);
  return { items: rows.map((r) => ({ id: r.id, form: r.form, measure: r.measure, effectFrom: r.effect_from, effectUntil: r.effect_until, recordedOn: r.recorded_on })) };
}
