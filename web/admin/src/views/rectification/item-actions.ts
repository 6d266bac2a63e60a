import type { Measure, Rectification } from '../../api/types';

/** Steps that ask for a note (and sometimes days) in ActionDialog before they are sent. */
export type DialogKind = 'start' | 'submit' | 'verifyPass' | 'verifyReturn' | 'requestExtension' | 'reopen' | 'measureDone' | 'measureReopen';

export interface DialogSpec {
  /** data-test prefix: `<test>-dialog`, `<test>-note`, `<test>-days`, `<test>-confirm`. */
  test: string;
  tone: 'primary' | 'success' | 'warning' | 'danger';
  noteRequired: boolean;
  /** Upper bound of the days field, as the API accepts it; absent means no days field. */
  maxDays?: number;
  /** The step has a consequence the user confirms in the dialog (销号, 退回, 回头看). */
  warn: boolean;
}

export const dialogSpecs: Record<DialogKind, DialogSpec> = {
  start: { test: 'start', tone: 'primary', noteRequired: false, warn: false },
  submit: { test: 'submit', tone: 'primary', noteRequired: false, warn: false },
  verifyPass: { test: 'verify', tone: 'success', noteRequired: false, warn: true },
  verifyReturn: { test: 'verify', tone: 'warning', noteRequired: true, warn: true },
  requestExtension: { test: 'extension', tone: 'primary', noteRequired: true, maxDays: 180, warn: false },
  reopen: { test: 'reopen', tone: 'danger', noteRequired: true, maxDays: 365, warn: true },
  measureDone: { test: 'measure', tone: 'success', noteRequired: false, warn: false },
  measureReopen: { test: 'measure', tone: 'warning', noteRequired: false, warn: false },
};

export interface ActionRequest {
  kind: DialogKind;
  /** Parameters of the dialog's lead sentence (e.g. the measure number). */
  params?: Record<string, string | number>;
  /** Sends the step; resolves when the server accepted it, rejects to keep the dialog open. */
  run: (note: string | undefined, days: number | undefined) => Promise<void>;
}

/** Steps of the item itself, as opposed to one of its measures. */
export type ItemStep = Exclude<DialogKind, 'measureDone' | 'measureReopen'>;

export type ButtonOpens = ItemStep | 'decideExtension' | 'addMeasure' | 'edit';

export interface HeaderButton {
  opens: ButtonOpens;
  labelKey: string;
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default';
  test: string;
}

const button = (opens: ButtonOpens, labelKey: string, type: HeaderButton['type'], test: string): HeaderButton => ({
  opens, labelKey: `rectification.actions.${labelKey}`, type, test,
});

/**
 * The header buttons for what the server says the caller may do now, main step first. `work` has no
 * button: it unlocks the measure toggles and evidence uploads. An extension can be asked for only while
 * no request waits for a decision, and decided only when one does.
 */
export function headerButtons(actions: readonly string[], item: Pick<Rectification, 'extensionList'>): HeaderButton[] {
  const allowed = new Set(actions);
  const pending = item.extensionList.filter((x) => x.status === 'requested');
  // Nobody decides their own request: the server refuses it, so the page does not offer it.
  const decidable = pending.some((x) => !x.mine);
  const out: HeaderButton[] = [];
  if (allowed.has('start')) out.push(button('start', 'start', 'primary', 'rectification-action-start'));
  if (allowed.has('submit')) out.push(button('submit', 'submit', 'primary', 'rectification-action-submit'));
  if (allowed.has('verify')) out.push(button('verifyPass', 'verifyPass', 'success', 'verify-pass'), button('verifyReturn', 'verifyReturn', 'warning', 'verify-return'));
  if (allowed.has('approve_extension') && decidable) out.push(button('decideExtension', 'decideExtension', 'warning', 'rectification-action-approve_extension'));
  if (allowed.has('request_extension') && pending.length === 0) out.push(button('requestExtension', 'requestExtension', 'default', 'rectification-action-request_extension'));
  if (allowed.has('reopen')) out.push(button('reopen', 'reopen', 'danger', 'rectification-action-reopen'));
  if (allowed.has('add_measure')) out.push(button('addMeasure', 'addMeasure', 'default', 'rectification-action-add_measure'));
  if (allowed.has('edit')) out.push(button('edit', 'edit', 'default', 'rectification-action-edit'));
  return out;
}

/** Measures that keep the item from going to verification: each must be done and carry evidence. */
export function submitBlockers(measures: readonly Pick<Measure, 'seq' | 'status' | 'evidence'>[]): number[] {
  return measures.filter((m) => m.status !== 'done' || m.evidence.length === 0).map((m) => m.seq);
}
