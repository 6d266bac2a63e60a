import { sql, type Kysely } from 'kysely';
import { index, tenantFk, tenantTable } from '../table.js';

const inList = (column: string, values: readonly string[]) => sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
const METHODS = ['talk_inquiry', 'preliminary_check', 'shelve', 'close', 'transfer'];

/**
 * Clue disposal (问题线索处置, issue 5): proposal → collective study → approval, the four methods, outcome,
 * 办结 and what named reporters are told. Every free text is an SM4 envelope `<table>:<field>:<row id>`;
 * the signed step log holds the facts and hashes of each step.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let proposal = tenantTable(db, 'clue_proposal')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(inList('method', METHODS)))
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('meeting_on', 'text')
    .addColumn('attendees', 'text')
    .addColumn('opinions_enc', 'text')
    .addColumn('conclusion_enc', 'text')
    .addColumn('studied_by', 'text')
    .addColumn('studied_at', 'text');
  proposal = tenantFk(proposal, 'clue_proposal_clue', 'clue_id', 'clue', 'cascade');
  await proposal.execute();
  await index(db, 'clue_proposal', ['tenant_id', 'clue_id', 'proposed_at']);

  let approval = tenantTable(db, 'clue_approval')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('approve', 'integer', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('higher_body', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('at', 'text', (c) => c.notNull());
  approval = tenantFk(approval, 'clue_approval_clue', 'clue_id', 'clue', 'cascade');
  approval = tenantFk(approval, 'clue_approval_proposal', 'proposal_id', 'clue_proposal', 'cascade');
  await approval.execute();
  await index(db, 'clue_approval', ['tenant_id', 'clue_id']);

  let draw = tenantTable(db, 'clue_spot_draw')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addColumn('drawn', 'integer', (c) => c.notNull())
    .addColumn('drawn_by', 'text')
    .addColumn('drawn_at', 'text', (c) => c.notNull());
  draw = tenantFk(draw, 'clue_spot_draw_by', 'drawn_by', 'user_account');
  await draw.execute();

  let talk = tenantTable(db, 'clue_talk_inquiry')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('talk', 'letter')`))
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('plan_note_enc', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('place_enc', 'text')
    .addColumn('interviewers', 'text')
    .addColumn('interviewee_signed', 'integer')
    .addColumn('record_enc', 'text')
    .addColumn('letter_sent_on', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('reply_received_on', 'text')
    .addColumn('reply_enc', 'text')
    .addColumn('endorsed_by_enc', 'text')
    .addColumn('endorsed_on', 'text')
    // Set once a quarterly draw has considered this reply, so no reply is drawn from twice.
    .addColumn('spot_draw_id', 'text')
    .addColumn('spot_selected', 'integer')
    .addColumn('spot_result_enc', 'text')
    .addColumn('spot_consistent', 'integer')
    .addColumn('spot_checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull());
  talk = tenantFk(talk, 'clue_talk_inquiry_clue', 'clue_id', 'clue', 'cascade');
  talk = tenantFk(talk, 'clue_talk_inquiry_draw', 'spot_draw_id', 'clue_spot_draw');
  await talk.execute();
  await index(db, 'clue_talk_inquiry', ['tenant_id', 'clue_id']);
  await index(db, 'clue_talk_inquiry', ['tenant_id', 'endorsed_on']);

  let check = tenantTable(db, 'clue_check')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('plan_enc', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('extensions', 'text', (c) => c.notNull())
    .addColumn('findings_enc', 'text')
    .addColumn('report_enc', 'text')
    .addColumn('reported_on', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull());
  check = tenantFk(check, 'clue_check_clue', 'clue_id', 'clue', 'cascade');
  await check.execute();
  await index(db, 'clue_check', ['tenant_id', 'clue_id']);

  let shelve = tenantTable(db, 'clue_shelve')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('shelved_at', 'text', (c) => c.notNull())
    .addColumn('review_note_enc', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('reviewed_at', 'text');
  shelve = tenantFk(shelve, 'clue_shelve_clue', 'clue_id', 'clue', 'cascade');
  await shelve.execute();
  await index(db, 'clue_shelve', ['tenant_id', 'clue_id']);

  // 予以了结, transfer to 审查调查 and 办结: how the handling of the clue ended, one row each.
  let ending = tenantTable(db, 'clue_ending')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('close_no_action', 'transfer', 'close')`))
    .addColumn('reason', 'text', (c) => c.check(sql`reason in ('false', 'unverifiable', 'other')`))
    .addColumn('recipient', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('by_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull());
  ending = tenantFk(ending, 'clue_ending_clue', 'clue_id', 'clue', 'cascade');
  await ending.execute();
  await index(db, 'clue_ending', ['tenant_id', 'clue_id']);

  // 处分/处理 record of a person: form, measure and dates only, so it can be read without reaching the clue.
  let record = tenantTable(db, 'person_discipline_record')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('form', 'integer', (c) => c.notNull().check(sql`form between 1 and 4`))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('effect_from', 'text')
    .addColumn('effect_until', 'text')
    .addColumn('recorded_on', 'text', (c) => c.notNull());
  record = tenantFk(record, 'person_discipline_record_person', 'person_id', 'person');
  await record.execute();
  await index(db, 'person_discipline_record', ['tenant_id', 'person_id']);

  let outcome = tenantTable(db, 'clue_outcome')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('form', 'integer', (c) => c.notNull().check(sql`form between 1 and 4`))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('effect_from', 'text')
    .addColumn('effect_until', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('record_id', 'text')
    .addColumn('rectification_id', 'text')
    .addColumn('rectification_code', 'text')
    .addColumn('by_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull());
  outcome = tenantFk(outcome, 'clue_outcome_clue', 'clue_id', 'clue', 'cascade');
  outcome = tenantFk(outcome, 'clue_outcome_record', 'record_id', 'person_discipline_record');
  await outcome.execute();
  await index(db, 'clue_outcome', ['tenant_id', 'clue_id'], true);

  // What a named reporter was told and said: notices, objections, retaliation check-ins.
  let contact = tenantTable(db, 'clue_reporter_contact')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('acceptance', 'result', 'objection', 'checkin')`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.check(sql`method in ('phone', 'letter', 'in_person', 'portal', 'sms')`))
    .addColumn('text_enc', 'text')
    .addColumn('checkin_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retaliation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('by_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull());
  contact = tenantFk(contact, 'clue_reporter_contact_clue', 'clue_id', 'clue', 'cascade');
  await contact.execute();
  await index(db, 'clue_reporter_contact', ['tenant_id', 'clue_id', 'kind']);

  // One reminder per clock, due date and colour; kept here rather than in the job table the 系统管理员 reads.
  let reminder = tenantTable(db, 'clue_clock_reminder')
    .addColumn('clue_id', 'text', (c) => c.notNull())
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull());
  reminder = tenantFk(reminder, 'clue_clock_reminder_clue', 'clue_id', 'clue', 'cascade');
  await reminder.execute();
  await index(db, 'clue_clock_reminder', ['tenant_id', 'clue_id', 'clock', 'due', 'colour'], true);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['clue_clock_reminder', 'clue_reporter_contact', 'clue_outcome', 'person_discipline_record', 'clue_ending', 'clue_shelve', 'clue_check', 'clue_talk_inquiry', 'clue_spot_draw', 'clue_approval', 'clue_proposal']) {
    await db.schema.dropTable(t).execute();
  }
}
