import { clueMethods, clueNoticeKinds, clueNoticeMethods, clueScopeDecisions } from '../../../../../../contracts/clues';
import { cluesApi, type Clue } from '../../../api/clues';
import { isFreeText, isShortText, textLength } from '../../complaints/text-rules';

/** One row of an accounts field: an account and, in a collective study, what that attendee said. */
export interface AccountRow {
  accountId: string | null;
  opinion: string;
}

export type FieldValue = string | boolean | AccountRow[] | null;
export type FormValues = Record<string, FieldValue>;

export type FieldKind = 'text' | 'textarea' | 'date' | 'choice' | 'select' | 'check' | 'accounts' | 'clue';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Text length or account count bounds, as the contract sets them. */
  min?: number;
  max?: number;
  /** A value is needed whenever the field shows (text: at least `min` or 1 character). */
  required?: boolean;
  /** choice/select values; labels are `${optionKey}.${value}`. */
  options?: readonly (string | boolean)[];
  optionKey?: string;
  /** An empty optional text is left out of the body (the contract's Type.Optional). */
  omitEmpty?: boolean;
  /** accounts: one opinion per attendee. */
  opinions?: boolean;
  /** accounts: the roles on the clue's access list the server takes them from. */
  roles?: readonly ('owner' | 'handler' | 'approver')[];
  /** check: the box must be ticked (the interviewee signed the record). */
  mustTick?: boolean;
  /** Shown only when this holds for the current values. */
  when?: (v: FormValues) => boolean;
}

export interface FormSpec {
  fields: FieldSpec[];
  tone: 'primary' | 'success' | 'warning' | 'danger';
  /** Starting values beyond each kind's default (today for dates). */
  initial?: (clue: Clue) => FormValues;
  /** A warning shown for the current values (`clue-detail.forms.<action>.<key>`). */
  warning?: (v: FormValues) => string | null;
  /** Reshapes the generic body where the contract's differs from one field per value. */
  body?: (b: Record<string, unknown>) => Record<string, unknown>;
  send: (id: string, body: never) => Promise<Clue>;
}

const text = (name: string, max: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'text', max, required: true, ...extra });
const area = (name: string, min: number, max: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'textarea', min, max, required: min > 0, ...extra });
const date = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'date', required: true, ...extra });
const choice = (name: string, options: readonly (string | boolean)[], optionKey: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'choice', options, optionKey, required: true, ...extra });
const is = (name: string, ...values: FieldValue[]) => (v: FormValues) => values.includes(v[name] ?? null);

/** Every header action that opens the generic form dialog; 运用形态 (outcome) has a dialog of its own. */
export const formSpecs = {
  scope: {
    tone: 'primary',
    fields: [
      choice('decision', clueScopeDecisions, 'clue-detail.forms.scope.decisions'),
      text('recipient', 100, { when: is('decision', 'forward_up', 'forward_down') }),
      { name: 'originalId', kind: 'clue', required: true, when: is('decision', 'repeat') },
      area('reason', 2, 2000, { required: false, omitEmpty: true, when: (v) => v.decision !== 'not_accept' }),
      area('reason', 2, 2000, { when: is('decision', 'not_accept') }),
    ],
    initial: () => ({ decision: 'accept' }),
    warning: (v) => (v.decision === 'forward_up' ? 'forwardUpWarning' : v.decision === 'repeat' ? 'repeatWarning' : null),
    send: (id, b) => cluesApi.scope(id, b),
  },
  forward_ack: { tone: 'primary', fields: [date('acknowledgedOn'), area('note', 0, 1000, { omitEmpty: true })], send: (id, b) => cluesApi.forwardAck(id, b) },
  propose: {
    tone: 'primary',
    fields: [choice('method', clueMethods, 'clues.methods'), area('reason', 2, 2000)],
    send: (id, b) => cluesApi.propose(id, b),
  },
  study: {
    tone: 'primary',
    fields: [date('meetingOn'), { name: 'attendees', kind: 'accounts', min: 1, max: 30, required: true, opinions: true, roles: ['owner', 'handler', 'approver'] }, area('conclusion', 2, 2000)],
    body: ({ attendees, ...rest }) => {
      const rows = attendees as { accountId: string; opinion: string }[];
      return { ...rest, attendees: rows.map((r) => r.accountId), opinions: rows.filter((r) => r.opinion).map((r) => ({ accountId: r.accountId, opinion: r.opinion })) };
    },
    send: (id, b) => cluesApi.study(id, b),
  },
  approve: {
    tone: 'warning',
    fields: [choice('approve', [true, false], 'clue-detail.forms.approve.options'), area('note', 0, 1000, { when: is('approve', true) }), area('note', 2, 1000, { when: is('approve', false) }), text('higherBody', 100, { required: false, omitEmpty: true })],
    initial: () => ({ approve: true }),
    warning: (v) => (v.approve === false ? 'refuseWarning' : null),
    send: (id, b) => cluesApi.approve(id, b),
  },
  talk_plan: { tone: 'primary', fields: [choice('mode', ['talk', 'letter'], 'clue-detail.forms.talk_plan.modes'), date('plannedOn'), area('note', 2, 2000)], initial: () => ({ mode: 'talk' }), send: (id, b) => cluesApi.planTalk(id, b) },
  talk: {
    tone: 'primary',
    fields: [date('heldOn'), text('place', 100), { name: 'interviewers', kind: 'accounts', min: 2, max: 10, required: true, roles: ['owner', 'handler'] }, area('record', 2, 10000), { name: 'intervieweeSigned', kind: 'check', mustTick: true }],
    body: ({ interviewers, ...rest }) => ({ ...rest, interviewers: (interviewers as AccountRow[]).map((r) => r.accountId) }),
    send: (id, b) => cluesApi.talk(id, b),
  },
  letter: { tone: 'primary', fields: [date('sentOn')], send: (id, b) => cluesApi.letter(id, b) },
  reply: { tone: 'primary', fields: [date('receivedOn'), area('content', 2, 10000), text('endorsedBy', 60), date('endorsedOn')], send: (id, b) => cluesApi.reply(id, b) },
  spot_check: { tone: 'warning', fields: [choice('consistent', [true, false], 'clue-detail.forms.spot_check.options'), area('result', 2, 2000)], initial: () => ({ consistent: true }), send: (id, b) => cluesApi.spotCheck(id, b) },
  check_plan: { tone: 'primary', fields: [date('deadline', { required: false, omitEmpty: true }), area('plan', 2, 5000)], initial: () => ({ deadline: null }), send: (id, b) => cluesApi.planCheck(id, b) },
  check_extend: { tone: 'primary', fields: [date('newDeadline'), area('reason', 2, 1000)], initial: () => ({ newDeadline: null }), send: (id, b) => cluesApi.extendCheck(id, b) },
  check_findings: { tone: 'primary', fields: [area('findings', 2, 10000)], send: (id, b) => cluesApi.checkFindings(id, b) },
  check_report: { tone: 'primary', fields: [area('report', 2, 10000)], send: (id, b) => cluesApi.checkReport(id, b) },
  shelve: { tone: 'primary', fields: [area('reason', 2, 2000), date('reviewOn')], initial: () => ({ reviewOn: null }), send: (id, b) => cluesApi.shelve(id, b) },
  review: { tone: 'primary', fields: [area('note', 2, 2000)], send: (id, b) => cluesApi.review(id, b) },
  close_no_action: {
    tone: 'warning',
    fields: [choice('reason', ['false', 'unverifiable', 'other'], 'clue-detail.forms.close_no_action.reasons'), area('note', 2, 2000)],
    send: (id, b) => cluesApi.closeNoAction(id, b),
  },
  transfer: { tone: 'danger', fields: [text('recipient', 100), area('note', 0, 2000)], warning: () => 'transferWarning', send: (id, b) => cluesApi.transfer(id, b) },
  close: { tone: 'success', fields: [area('note', 0, 1000, { omitEmpty: true })], warning: () => 'closeWarning', send: (id, b) => cluesApi.close(id, b) },
  notice: {
    tone: 'primary',
    fields: [
      choice('kind', clueNoticeKinds, 'clues.notices'),
      date('toldOn'),
      { name: 'method', kind: 'select', options: clueNoticeMethods, optionKey: 'clue-detail.forms.notice.methods', required: true },
      area('note', 0, 1000),
      { name: 'retaliationCheckOptIn', kind: 'check', when: is('kind', 'result') },
    ],
    initial: (c) => ({ kind: c.acceptanceNoticeOn ? 'result' : 'acceptance', method: 'phone', retaliationCheckOptIn: false }),
    send: (id, b) => cluesApi.notice(id, b),
  },
  objection: { tone: 'primary', fields: [date('receivedOn'), area('content', 2, 5000)], send: (id, b) => cluesApi.objection(id, b) },
  checkin: {
    tone: 'primary',
    fields: [date('doneOn'), choice('retaliation', [false, true], 'clue-detail.forms.checkin.options'), area('note', 0, 2000)],
    initial: () => ({ retaliation: false }),
    warning: (v) => (v.retaliation === true ? 'retaliationWarning' : null),
    send: (id, b) => cluesApi.checkin(id, b),
  },
} satisfies Record<string, FormSpec>;

export type FormAction = keyof typeof formSpecs;

export function isFormAction(action: string): action is FormAction {
  return Object.hasOwn(formSpecs, action);
}

/** The fields showing for these values (a field named twice shows in one variant only). */
export function visibleFields(spec: FormSpec, v: FormValues): FieldSpec[] {
  return spec.fields.filter((f) => !f.when || f.when(v));
}

function blank(f: FieldSpec, today: string): FieldValue {
  switch (f.kind) {
    case 'date':
      return today;
    case 'check':
      return false;
    case 'accounts':
      return Array.from({ length: Math.max(1, f.min ?? 1) }, () => ({ accountId: null, opinion: '' }));
    case 'choice':
    case 'select':
    case 'clue':
      return null;
    default:
      return '';
  }
}

export function initialValues(spec: FormSpec, clue: Clue, today: string): FormValues {
  const v: FormValues = {};
  for (const f of spec.fields) v[f.name] ??= blank(f, today);
  return { ...v, ...spec.initial?.(clue) };
}

export interface FieldError {
  key: string;
  params?: Record<string, number>;
}

function textError(f: FieldSpec, raw: string): FieldError | null {
  const s = raw.trim();
  const n = textLength(s);
  if (n === 0) return f.required ? { key: 'clue-detail.form.required' } : null;
  if (f.min && n < f.min) return { key: 'clue-detail.form.tooShort', params: { n: f.min } };
  if (f.max && n > f.max) return { key: 'clue-detail.form.tooLong', params: { n: f.max } };
  if (f.kind === 'text' ? !isShortText(s) : !isFreeText(s)) return { key: f.kind === 'text' ? 'clue-detail.form.textShort' : 'clue-detail.form.textFree' };
  return null;
}

function accountsError(f: FieldSpec, rows: AccountRow[]): FieldError | null {
  const ids = rows.map((r) => r.accountId).filter((x): x is string => !!x);
  if (ids.length < (f.min ?? 0)) return { key: 'clue-detail.form.minAccounts', params: { n: f.min ?? 0 } };
  if (ids.length !== rows.length) return { key: 'clue-detail.form.emptyAccount' };
  if (new Set(ids).size !== ids.length) return { key: 'clue-detail.form.duplicateAccount' };
  if (f.max && ids.length > f.max) return { key: 'clue-detail.form.maxAccounts', params: { n: f.max } };
  const bad = f.opinions ? rows.find((r) => textLength(r.opinion.trim()) > 1000 || !isFreeText(r.opinion.trim())) : undefined;
  return bad ? { key: 'clue-detail.form.opinionInvalid' } : null;
}

/** What is wrong with each showing field, as the server would refuse it; an empty map sends. */
export function validate(spec: FormSpec, v: FormValues): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const f of visibleFields(spec, v)) {
    const value = v[f.name];
    let e: FieldError | null = null;
    if (f.kind === 'text' || f.kind === 'textarea') e = textError(f, typeof value === 'string' ? value : '');
    else if (f.kind === 'accounts') e = accountsError(f, Array.isArray(value) ? value : []);
    else if (f.kind === 'check') e = f.mustTick && value !== true ? { key: 'clue-detail.form.mustTick' } : null;
    else if (f.required && (value === null || value === '')) e = { key: 'clue-detail.form.required' };
    if (e) out[f.name] = e;
  }
  return out;
}

/** The request body: one entry per showing field, texts trimmed, empty optional ones left out. */
export function requestBody(spec: FormSpec, v: FormValues): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  for (const f of visibleFields(spec, v)) {
    const value = v[f.name];
    if (Array.isArray(value)) b[f.name] = value.map((r) => ({ accountId: r.accountId, opinion: r.opinion.trim() }));
    else if (typeof value === 'string') {
      const s = value.trim();
      if (s || !f.omitEmpty) b[f.name] = s;
    } else if (value !== null) b[f.name] = value;
  }
  return spec.body ? spec.body(b) : b;
}
