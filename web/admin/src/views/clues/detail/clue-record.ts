import type { Clue, ClueDisposal } from '../../../api/clues';
import { formatDate, formatDateTime } from '../../../utils/format';

export interface RecordRow {
  /** `clue-detail.record.fields.<label>` */
  label: string;
  text: string;
  /** Free text shown as written (line breaks kept). */
  long?: boolean;
  /** The 整改 item the outcome created, opened from the record. */
  rectificationId?: string;
}

export interface RecordSection {
  /** `clue-detail.record.sections.<key>`; a repeated part (approvals, notices) gets one section per entry. */
  key: string;
  n?: number;
  rows: RecordRow[];
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

const row = (label: string, text: string | null | undefined, long = false): RecordRow[] => (text ? [{ label, text, long }] : []);
const yesNo = (t: Translate, v: boolean) => t(v ? 'clue-detail.record.yes' : 'clue-detail.record.no');

function scopeSection(c: Clue, t: Translate): RecordSection[] {
  const s = c.scope;
  if (!s) return [];
  return [{
    key: 'scope',
    rows: [
      ...row('decision', t(`clue-detail.forms.scope.decisions.${s.decision}`)),
      ...row('decidedOn', formatDate(s.decidedOn)),
      ...row('decidedBy', s.decidedBy?.name),
      ...row('recipient', s.recipient),
      ...row('reason', s.reason, true),
      ...row('ackDue', formatDate(s.ackDue)),
      ...row('acknowledgedOn', formatDate(s.acknowledgedOn)),
      ...row('ackNote', s.ackNote, true),
    ],
  }];
}

function talkSections(d: ClueDisposal, t: Translate): RecordSection[] {
  const ti = d.talkInquiry;
  if (!ti) return [];
  const out: RecordSection[] = [{ key: 'talkPlan', rows: [...row('mode', t(`clue-detail.forms.talk_plan.modes.${ti.mode}`)), ...row('plannedOn', formatDate(ti.plannedOn)), ...row('note', ti.planNote, true)] }];
  if (ti.talk) {
    out.push({
      key: 'talk',
      rows: [
        ...row('heldOn', formatDate(ti.talk.heldOn)),
        ...row('place', ti.talk.place),
        ...row('interviewers', ti.talk.interviewers.map((i) => i.name).join('、')),
        ...row('intervieweeSigned', yesNo(t, ti.talk.intervieweeSigned)),
        ...row('record', ti.talk.record, true),
      ],
    });
  }
  if (ti.letterSentOn || ti.reply) {
    out.push({
      key: 'letter',
      rows: [
        ...row('sentOn', formatDate(ti.letterSentOn)),
        ...row('replyDue', formatDate(ti.replyDue)),
        ...(ti.reply ? [...row('receivedOn', formatDate(ti.reply.receivedOn)), ...row('endorsedBy', ti.reply.endorsedBy), ...row('endorsedOn', formatDate(ti.reply.endorsedOn)), ...row('content', ti.reply.content, true)] : []),
      ],
    });
  }
  if (ti.spotCheck) {
    const sc = ti.spotCheck;
    out.push({
      key: 'spotCheck',
      rows: [...row('drawnAt', formatDateTime(sc.drawnAt)), ...(sc.consistent === null ? [] : row('consistent', yesNo(t, sc.consistent))), ...row('result', sc.result, true), ...row('checkedAt', formatDateTime(sc.checkedAt))],
    });
  }
  return out;
}

function methodSections(d: ClueDisposal, t: Translate): RecordSection[] {
  const out = talkSections(d, t);
  const pc = d.preliminaryCheck;
  if (pc) {
    out.push({
      key: 'check',
      rows: [
        ...row('deadline', formatDate(pc.deadline)),
        ...row('plan', pc.plan, true),
        ...pc.extensions.flatMap((x) => row('extension', t('clue-detail.record.extension', { date: formatDate(x.newDeadline), reason: x.reason }), true)),
        ...row('findings', pc.findings, true),
        ...row('report', pc.report, true),
        ...row('reportedAt', formatDateTime(pc.reportedAt)),
      ],
    });
  }
  if (d.shelve) {
    out.push({ key: 'shelve', rows: [...row('reviewOn', formatDate(d.shelve.reviewOn)), ...row('reason', d.shelve.reason, true), ...d.shelve.reviews.flatMap((r) => row('review', `${formatDateTime(r.at)} ${r.note}`, true))] });
  }
  if (d.closeNoAction) {
    out.push({ key: 'closeNoAction', rows: [...row('reason', t(`clue-detail.forms.close_no_action.reasons.${d.closeNoAction.reason}`)), ...row('note', d.closeNoAction.note, true), ...row('at', formatDateTime(d.closeNoAction.at))] });
  }
  if (d.transfer) out.push({ key: 'transfer', rows: [...row('recipient', d.transfer.recipient), ...row('note', d.transfer.note, true), ...row('at', formatDateTime(d.transfer.at))] });
  return out;
}

/**
 * The clue's record in the order it was made: scope decision, proposal, collective study, approvals, the
 * method's documents, outcome, and what the named reporter was told and said. Empty parts are left out.
 */
export function recordSections(c: Clue, t: Translate, measure: (code: string) => string): RecordSection[] {
  const d = c.disposal;
  const out = scopeSection(c, t);
  if (!d) return out;
  if (d.proposal) out.push({ key: 'proposal', rows: [...row('method', t(`clues.methods.${d.proposal.method}`)), ...row('by', d.proposal.by?.name), ...row('at', formatDateTime(d.proposal.at)), ...row('reason', d.proposal.reason, true)] });
  if (d.study) {
    const names = new Map(d.study.opinions.map((o) => [o.account.id, o.opinion]));
    out.push({
      key: 'study',
      rows: [
        ...row('meetingOn', formatDate(d.study.meetingOn)),
        ...d.study.attendees.flatMap((a) => row('attendee', names.has(a.id) ? `${a.name}：${names.get(a.id)}` : a.name, true)),
        ...row('conclusion', d.study.conclusion, true),
      ],
    });
  }
  d.approvals.forEach((a, i) =>
    out.push({ key: 'approval', n: i + 1, rows: [...row('decision', t(`clue-detail.forms.approve.options.${a.approve}`)), ...row('approvedBy', a.by?.name), ...row('at', formatDateTime(a.at)), ...row('higherBody', a.higherBody), ...row('note', a.note, true)] }),
  );
  out.push(...methodSections(d, t));
  if (d.outcome) {
    const o = d.outcome;
    out.push({
      key: 'outcome',
      rows: [
        ...row('form', t(`clues.forms.${o.form}`)),
        ...row('measure', measure(o.measure)),
        ...row('effect', o.effectFrom ? t('clue-detail.record.effect', { from: formatDate(o.effectFrom), until: formatDate(o.effectUntil) || '—' }) : ''),
        ...(o.rectification ? [{ label: 'rectification', text: o.rectification.code, rectificationId: o.rectification.id }] : []),
        ...row('note', o.note, true),
      ],
    });
  }
  d.notices.forEach((n, i) =>
    out.push({ key: 'notice', n: i + 1, rows: [...row('kind', t(`clues.notices.${n.kind}`)), ...row('toldOn', formatDate(n.toldOn)), ...row('method', t(`clue-detail.forms.notice.methods.${n.method}`)), ...(n.kind === 'result' ? row('optIn', yesNo(t, n.retaliationCheckOptIn)) : []), ...row('note', n.note, true)] }),
  );
  d.objections.forEach((o, i) => out.push({ key: 'objection', n: i + 1, rows: [...row('receivedOn', formatDate(o.receivedOn)), ...row('content', o.content, true)] }));
  d.checkins.forEach((x, i) => out.push({ key: 'checkin', n: i + 1, rows: [...row('doneOn', formatDate(x.doneOn)), ...row('retaliation', yesNo(t, x.retaliation)), ...row('note', x.note, true)] }));
  return out;
}
