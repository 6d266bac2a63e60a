import type { Complaint } from '../../api/complaints';

/** Steps that ask for a text (and sometimes days) in StepDialog before they are sent. */
export type StepKind = 'dispatch' | 'accept' | 'answer' | 'close' | 'redo' | 'reject' | 'request_extension';

export interface StepSpec {
  /** data-test prefix: `<test>-dialog`, `<test>-text`, `<test>-days`, `<test>-confirm`. */
  test: string;
  tone: 'primary' | 'success' | 'warning' | 'danger';
  /** Minimum length of the text; 0 = optional. Bounds are the API's. */
  minLength: number;
  maxLength: number;
  /** Upper bound of the days field; absent means no days field. */
  maxDays?: number;
  /** The reporter will read the text: the dialog says so. */
  public: boolean;
  /** The step has a consequence the user confirms in the dialog. */
  warn: boolean;
}

export const stepSpecs: Record<StepKind, StepSpec> = {
  dispatch: { test: 'dispatch', tone: 'primary', minLength: 0, maxLength: 1000, public: false, warn: false },
  accept: { test: 'accept', tone: 'primary', minLength: 0, maxLength: 1000, public: false, warn: false },
  close: { test: 'close', tone: 'success', minLength: 0, maxLength: 1000, public: false, warn: true },
  answer: { test: 'answer', tone: 'primary', minLength: 2, maxLength: 5000, public: true, warn: true },
  redo: { test: 'redo', tone: 'danger', minLength: 2, maxLength: 1000, public: false, warn: true },
  reject: { test: 'reject', tone: 'danger', minLength: 2, maxLength: 1000, public: true, warn: true },
  request_extension: { test: 'extension', tone: 'primary', minLength: 2, maxLength: 1000, maxDays: 60, public: false, warn: false },
};

/** What a header button opens: a text step or a dialog of its own. */
export type ButtonOpens = StepKind | 'assign' | 'decide_extension' | 'link' | 'rectification';

export interface HeaderButton {
  opens: ButtonOpens;
  labelKey: string;
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default';
  plain: boolean;
  test: string;
}

const order: { action: string; opens: ButtonOpens; type: HeaderButton['type']; plain?: boolean }[] = [
  { action: 'assign', opens: 'assign', type: 'primary' },
  { action: 'dispatch', opens: 'dispatch', type: 'primary' },
  { action: 'accept', opens: 'accept', type: 'primary' },
  { action: 'answer', opens: 'answer', type: 'primary' },
  { action: 'redo', opens: 'redo', type: 'warning' },
  { action: 'close', opens: 'close', type: 'success' },
  { action: 'decide_extension', opens: 'decide_extension', type: 'warning' },
  { action: 'request_extension', opens: 'request_extension', type: 'default' },
  { action: 'link', opens: 'link', type: 'default' },
  { action: 'rectification', opens: 'rectification', type: 'default' },
  { action: 'reject', opens: 'reject', type: 'danger', plain: true },
];

/**
 * The header buttons for what the server says the caller may do now, main step first and 不予受理
 * last. An extension can be asked for only while no request waits, and decided only when one does.
 * `message`, `note` and `identity` are no header buttons: they unlock the panels they belong to.
 */
export function headerButtons(actions: readonly string[], item: Pick<Complaint, 'extensionList'>): HeaderButton[] {
  const allowed = new Set(actions);
  const waiting = item.extensionList.some((x) => x.status === 'requested');
  return order
    .filter((o) => allowed.has(o.action))
    .filter((o) => (o.action === 'decide_extension' ? waiting : o.action === 'request_extension' ? !waiting : true))
    .map((o) => ({ opens: o.opens, labelKey: `complaints.actions.${o.action}`, type: o.type, plain: !!o.plain, test: `complaint-action-${o.action}` }));
}
