import type { Clue } from '../../../api/clues';

type ClueAction = Clue['actions'][number];

/** Actions that unlock a panel of the page rather than a header button. */
const panelActions = new Set<ClueAction>(['attach', 'manage_access', 'request_identity', 'view_identity']);

export type ButtonTone = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export interface ActionButton {
  action: ClueAction;
  labelKey: string;
  type: ButtonTone;
  plain: boolean;
  test: string;
}

/**
 * The order of the header buttons: the step the clue waits for first (scope, the disposal chain, the
 * method's documents, the outcome, 办结), the records that may come at any time after, the exits last.
 */
const order: { action: ClueAction; type: ButtonTone; plain?: boolean }[] = [
  { action: 'scope', type: 'primary' },
  { action: 'forward_ack', type: 'primary' },
  { action: 'propose', type: 'primary' },
  { action: 'study', type: 'primary' },
  { action: 'approve', type: 'warning' },
  { action: 'talk_plan', type: 'primary' },
  { action: 'talk', type: 'primary' },
  { action: 'letter', type: 'primary' },
  { action: 'reply', type: 'primary' },
  { action: 'spot_check', type: 'warning', plain: true },
  { action: 'check_plan', type: 'primary' },
  { action: 'check_findings', type: 'primary' },
  { action: 'check_report', type: 'primary' },
  { action: 'check_extend', type: 'default' },
  { action: 'review', type: 'primary' },
  { action: 'outcome', type: 'primary' },
  { action: 'close', type: 'success' },
  { action: 'notice', type: 'primary', plain: true },
  { action: 'objection', type: 'default' },
  { action: 'checkin', type: 'default' },
  { action: 'shelve', type: 'default' },
  { action: 'close_no_action', type: 'default' },
  { action: 'referral', type: 'default' },
  { action: 'transfer', type: 'danger', plain: true },
];

/** The header buttons for exactly what the server says the caller may do now; unknown actions show nothing. */
export function actionButtons(actions: readonly string[]): ActionButton[] {
  const allowed = new Set(actions);
  return order
    .filter((o) => allowed.has(o.action) && !panelActions.has(o.action))
    .map((o) => ({ action: o.action, labelKey: `clue-detail.actions.${o.action}`, type: o.type, plain: !!o.plain, test: `clue-action-${o.action}` }));
}
