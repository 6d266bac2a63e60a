import type { ClueAction, ClueDisposal } from '../../../../contracts/clues.js';
import type { Ctx, Db, Tx } from '../../../platform/context.js';
import { can } from '../../../platform/access/scope.js';
import type { DisposalPart } from '../clues.disposal-view.js';
import type { LoadedClue } from '../clues.load.js';
import { clockContext } from '../clues.present.js';
import { extensionReason, extensionsOf } from './disposal.check.js';
import { allClocks } from './disposal.facts.js';
import * as repo from './disposal.repo.js';
import { openRow } from './disposal.seal.js';

const ids = (json: string | null) => (json ? (JSON.parse(json) as string[]) : []);

function present(ctx: Ctx, r: repo.DisposalRows, names: Map<string, string>, drawnAt: Map<string, string>): ClueDisposal | null {
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const proposal = repo.latest(r.proposals);
  const studied = [...r.proposals].reverse().find((p) => p.studied_at);
  const talk = repo.latest(r.talks);
  const check = repo.latest(r.checks);
  const shelf = repo.latest(r.shelves);
  const ending = (kind: string) => [...r.endings].reverse().find((e) => e.kind === kind);
  const noAction = ending('close_no_action');
  const transfer = ending('transfer');
  const outcome = repo.latest(r.outcomes);
  if (!proposal && !r.contacts.length) return null;
  const open = (table: string, field: string, id: string, env: string | null) => openRow(ctx, table, field, id, env);
  return {
    proposal: proposal ? { method: proposal.method, reason: open('clue_proposal', 'reason', proposal.id, proposal.reason_enc), by: ref(proposal.proposed_by), at: proposal.proposed_at } : null,
    study: studied
      ? {
          meetingOn: studied.meeting_on!,
          attendees: ids(studied.attendees).map((a) => ref(a)!),
          opinions: (JSON.parse(open('clue_proposal', 'opinions', studied.id, studied.opinions_enc) || '[]') as { accountId: string; opinion: string }[]).map((o) => ({ account: ref(o.accountId)!, opinion: o.opinion })),
          conclusion: open('clue_proposal', 'conclusion', studied.id, studied.conclusion_enc),
          at: studied.studied_at!,
        }
      : null,
    approvals: r.approvals.map((a) => ({ approve: a.approve === 1, note: open('clue_approval', 'note', a.id, a.note_enc), higherBody: a.higher_body, by: ref(a.approved_by), at: a.at })),
    talkInquiry: talk
      ? {
          mode: talk.mode,
          plannedOn: talk.planned_on,
          planNote: open('clue_talk_inquiry', 'plan_note', talk.id, talk.plan_note_enc),
          talk: talk.held_on
            ? { heldOn: talk.held_on, place: open('clue_talk_inquiry', 'place', talk.id, talk.place_enc), interviewers: ids(talk.interviewers).map((a) => ref(a)!), intervieweeSigned: talk.interviewee_signed === 1, record: open('clue_talk_inquiry', 'record', talk.id, talk.record_enc) }
            : null,
          letterSentOn: talk.letter_sent_on,
          replyDue: talk.reply_due,
          reply: talk.endorsed_on
            ? { receivedOn: talk.reply_received_on!, content: open('clue_talk_inquiry', 'reply', talk.id, talk.reply_enc), endorsedBy: open('clue_talk_inquiry', 'endorsed_by', talk.id, talk.endorsed_by_enc), endorsedOn: talk.endorsed_on }
            : null,
          spotCheck: talk.spot_selected === 1
            ? {
                drawnAt: drawnAt.get(talk.spot_draw_id!) ?? '',
                result: talk.spot_checked_at ? open('clue_talk_inquiry', 'spot_result', talk.id, talk.spot_result_enc) : null,
                consistent: talk.spot_consistent === null ? null : talk.spot_consistent === 1,
                checkedAt: talk.spot_checked_at,
              }
            : null,
        }
      : null,
    preliminaryCheck: check
      ? {
          plan: open('clue_check', 'plan', check.id, check.plan_enc),
          deadline: check.deadline,
          extensions: extensionsOf(check).map((e) => ({ newDeadline: e.newDeadline, reason: extensionReason(ctx, check.id, e), at: e.at })),
          findings: check.findings_enc ? open('clue_check', 'findings', check.id, check.findings_enc) : null,
          report: check.report_enc ? open('clue_check', 'report', check.id, check.report_enc) : null,
          reportedAt: check.reported_at,
        }
      : null,
    shelve: shelf
      ? {
          reason: open('clue_shelve', 'reason', shelf.id, shelf.reason_enc),
          reviewOn: shelf.review_on,
          reviews: shelf.reviewed_at ? [{ note: open('clue_shelve', 'review_note', shelf.id, shelf.review_note_enc), at: shelf.reviewed_at }] : [],
        }
      : null,
    closeNoAction: noAction ? { reason: noAction.reason!, note: open('clue_ending', 'note', noAction.id, noAction.note_enc), at: noAction.at } : null,
    transfer: transfer ? { recipient: transfer.recipient ?? '', note: open('clue_ending', 'note', transfer.id, transfer.note_enc), at: transfer.at } : null,
    outcome: outcome
      ? {
          form: outcome.form, measure: outcome.measure, effectFrom: outcome.effect_from, effectUntil: outcome.effect_until,
          note: open('clue_outcome', 'note', outcome.id, outcome.note_enc),
          rectification: outcome.rectification_id ? { id: outcome.rectification_id, code: outcome.rectification_code ?? '' } : null, at: outcome.at,
        }
      : null,
    notices: r.contacts.filter((c) => c.kind === 'acceptance' || c.kind === 'result').map((c) => ({
      kind: c.kind as 'acceptance' | 'result', toldOn: c.on_date, method: c.method!, note: open('clue_reporter_contact', 'text', c.id, c.text_enc), retaliationCheckOptIn: c.checkin_opt_in === 1,
    })),
    objections: r.contacts.filter((c) => c.kind === 'objection').map((c) => ({ receivedOn: c.on_date, content: open('clue_reporter_contact', 'text', c.id, c.text_enc) })),
    checkins: r.contacts.filter((c) => c.kind === 'checkin').map((c) => ({ doneOn: c.on_date, note: open('clue_reporter_contact', 'text', c.id, c.text_enc), retaliation: c.retaliation === 1 })),
  };
}

/** The disposal actions open to the caller; the service checks each again when it is taken. */
export function disposalActions(ctx: Ctx, c: LoadedClue, r: repo.DisposalRows): ClueAction[] {
  const row = c.row;
  const runs = (c.roles.includes('owner') || c.roles.includes('handler')) && can(ctx.actor, 'clue:manage');
  const approves = c.roles.includes('approver') && can(ctx.actor, 'clue:approve');
  const method = repo.latest(r.proposals)?.method;
  const talk = row.method === 'talk_inquiry' ? repo.latest(r.talks) : undefined;
  const check = row.method === 'preliminary_check' ? repo.latest(r.checks) : undefined;
  const st = row.status;
  const approvedFor = (m: string) => st === 'approved' && method === m;
  const inTalk = st === 'in_disposal' && !!talk;
  const inCheck = st === 'in_disposal' && !!check && !check.reported_at;
  const out: ClueAction[] = [];
  const add = (a: ClueAction, ok: boolean) => ok && out.push(a);
  add('propose', runs && st === 'accepted');
  add('study', runs && st === 'proposed');
  add('approve', approves && st === 'studied');
  add('talk_plan', runs && approvedFor('talk_inquiry'));
  add('talk', runs && inTalk && talk!.mode === 'talk' && !talk!.held_on);
  add('letter', runs && inTalk && talk!.mode === 'letter' && !talk!.letter_sent_on);
  add('reply', runs && inTalk && !!(talk!.held_on ?? talk!.letter_sent_on) && !talk!.endorsed_on);
  add('spot_check', runs && r.talks.some((t) => t.spot_selected === 1 && !t.spot_checked_at));
  add('check_plan', runs && approvedFor('preliminary_check'));
  add('check_extend', runs && inCheck);
  add('check_findings', runs && inCheck);
  add('check_report', runs && inCheck && !!check!.findings_enc);
  add('shelve', runs && approvedFor('shelve'));
  add('review', runs && st === 'shelved');
  add('close_no_action', runs && approvedFor('close'));
  add('transfer', runs && (approvedFor('transfer') || st === 'in_disposal' || st === 'concluded'));
  add('outcome', runs && st === 'concluded');
  add('close', runs && ['concluded', 'outcome_recorded', 'transferred'].includes(st));
  const named = row.named === 1;
  add('notice', runs && named && ((!!row.scope_decision && ['accept', 'not_accept'].includes(row.scope_decision)) || st === 'closed'));
  add('objection', runs && named && st === 'closed');
  add('checkin', runs && st === 'closed' && r.contacts.some((x) => x.kind === 'result' && x.checkin_opt_in === 1));
  return out;
}

/** The disposal part of a clue's detail: the record, every clock and the disposal actions. */
export async function disposalView(db: Db | Tx, ctx: Ctx, c: LoadedClue): Promise<DisposalPart> {
  const r = repo.rowsOf(await repo.disposalRows(db, ctx.tenantId, [c.row.id]), c.row.id);
  const accounts = [
    ...r.proposals.flatMap((p) => [p.proposed_by, ...ids(p.attendees)]),
    ...r.approvals.map((a) => a.approved_by),
    ...r.talks.flatMap((t) => ids(t.interviewers)),
  ];
  const draws = [...new Set(r.talks.map((t) => t.spot_draw_id).filter((x): x is string => !!x))];
  const [names, drawRows, cc] = await Promise.all([
    repo.accountNames(db, ctx.tenantId, accounts),
    draws.length ? db.selectFrom('clue_spot_draw').select(['id', 'drawn_at']).where('tenant_id', '=', ctx.tenantId).where('id', 'in', draws).execute() : [],
    clockContext(db, ctx),
  ]);
  return {
    disposal: present(ctx, r, names, new Map(drawRows.map((d) => [d.id, d.drawn_at]))),
    clocks: allClocks(cc.cal, cc.settings, c.row, r, cc.today),
    actions: disposalActions(ctx, c, r),
  };
}
