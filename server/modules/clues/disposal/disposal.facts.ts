import type { ClueClock } from '../../../../contracts/clues.js';
import type { WorkCalendar } from '../../../platform/clock/calendar.js';
import type { ClueRow } from '../clues.load.js';
import { clueClocks, nextClock, type ClockSettings, type ClueClockFacts } from './disposal.clocks.js';
import { latest, type DisposalRows } from './disposal.repo.js';

/** The clocks kept by the disposal rows rather than the clue row: the ledger shows the one due first. */
const DISPOSAL_CLOCKS: ClueClock['kind'][] = ['reply', 'preliminary_check', 'shelve_review', 'retaliation_checkin'];

export function clockFacts(row: ClueRow, r: DisposalRows): ClueClockFacts {
  const decided = (d: string) => (row.scope_decision === d ? row.scope_decided_on : null);
  const talk = latest(r.talks);
  const check = latest(r.checks);
  const shelve = latest(r.shelves);
  const checkins = r.contacts.filter((c) => c.kind === 'checkin').map((c) => c.on_date).sort();
  return {
    status: row.status,
    named: row.named === 1,
    receivedOn: row.received_on,
    forwardedUpOn: decided('forward_up'),
    forwardedDownOn: decided('forward_down'),
    acknowledgedOn: row.forward_ack_on,
    acceptanceNoticeOn: row.acceptance_notice_on,
    replyFrom: talk ? (talk.held_on ?? talk.letter_sent_on) : null,
    replyEndorsedOn: talk?.endorsed_on ?? null,
    checkDeadline: check?.deadline ?? null,
    checkReportedOn: check?.reported_on ?? null,
    shelveReviewOn: shelve?.review_on ?? null,
    shelveReviewedOn: shelve?.reviewed_on ?? null,
    closedOn: row.closed_on,
    resultNoticeOn: row.result_notice_on,
    checkinOptIn: r.contacts.some((c) => c.kind === 'result' && c.checkin_opt_in === 1),
    checkinDoneOn: checkins[0] ?? null,
  };
}

export function allClocks(cal: WorkCalendar, s: ClockSettings, row: ClueRow, r: DisposalRows, today: string): ClueClock[] {
  return clueClocks(cal, s, clockFacts(row, r), today);
}

/** The open disposal clock due first, as the clue row keeps it for lists (disposal_due, disposal_due_kind). */
export function ledgerDue(clocks: ClueClock[]): { disposal_due: string | null; disposal_due_kind: string | null } {
  const next = nextClock(clocks.filter((c) => DISPOSAL_CLOCKS.includes(c.kind)));
  return { disposal_due: next?.due ?? null, disposal_due_kind: next?.kind ?? null };
}
