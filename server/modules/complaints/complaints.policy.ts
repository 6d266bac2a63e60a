import type { ComplaintStatus, Rating } from '../../../contracts/complaints.js';
import { AppError } from '../../platform/http/errors.js';
import { AWAITING_ANSWER, OPEN } from './complaints.sla.js';

export type ComplaintAction =
  | 'assign' | 'dispatch' | 'reject' | 'accept' | 'answer' | 'request_extension' | 'decide_extension' | 'redo' | 'close'
  | 'note' | 'message' | 'identity' | 'link' | 'rectification';

/**
 * What the caller can do to a complaint they can see: 监督部门 (complaint:supervise over its org or its
 * responsible org), 责任部门 handlers (complaint:handle over the responsible org, never on the accused org's
 * chain), and the identity right. Visibility itself is decided by the repository's filter.
 */
export interface Capabilities {
  supervise: boolean;
  handle: boolean;
  identity: boolean;
}

export interface ComplaintFacts {
  status: ComplaintStatus;
  anonymous: boolean;
  /** A 延期 request waits for a decision. */
  pendingExtension: boolean;
  approvedExtensions: number;
  maxExtensions: number;
  lastRating: Rating | null;
  /** 重办 already done: DOMAIN allows one, followed by a second rating, after which 监督部门 closes. */
  redos: number;
  /** 已答复 long enough (autoCloseDays) without a rating: 监督部门 may close it. */
  ratingOverdue: boolean;
}

export const MAX_REDOS = 1;

const SUPERVISE: ComplaintAction[] = ['assign', 'dispatch', 'reject', 'decide_extension', 'redo', 'close', 'link', 'rectification'];
const HANDLE: ComplaintAction[] = ['accept', 'answer', 'request_extension'];

function capable(c: Capabilities, a: ComplaintAction): boolean {
  if (SUPERVISE.includes(a)) return c.supervise;
  if (HANDLE.includes(a)) return c.handle;
  if (a === 'identity') return c.identity;
  return c.supervise || c.handle;
}

/** Why an action the caller is capable of cannot happen now, or null when it can. */
function blocker(f: ComplaintFacts, a: ComplaintAction): string | null {
  const s = f.status;
  const open = OPEN.includes(s);
  switch (a) {
    case 'assign':
    case 'reject':
      return s === 'submitted' || s === 'assigned' ? null : s;
    case 'dispatch':
      return s === 'assigned' ? null : s;
    case 'accept':
      return s === 'dispatched' ? null : s;
    case 'answer':
      return s === 'in_progress' ? null : s;
    case 'request_extension':
      if (!AWAITING_ANSWER.includes(s)) return s;
      if (f.pendingExtension) return 'extension_pending';
      return f.approvedExtensions < f.maxExtensions ? null : 'extension_limit';
    case 'decide_extension':
      return open && f.pendingExtension ? null : 'no_pending_extension';
    case 'redo':
      if (s !== 'rated' || f.lastRating !== 'dissatisfied') return s;
      return f.redos < MAX_REDOS ? null : 'redo_limit';
    case 'close':
      if (s === 'rated' || (s === 'answered' && f.ratingOverdue)) return null;
      return s === 'answered' ? 'awaiting_rating' : s;
    case 'message':
      return open ? null : s;
    case 'identity':
      return f.anonymous ? 'anonymous' : null;
    case 'note':
      return null;
    case 'link':
    case 'rectification':
      return s === 'rejected' ? s : null;
  }
}

const ALL: ComplaintAction[] = [...SUPERVISE, ...HANDLE, 'note', 'message', 'identity'];

export function allowedActions(c: Capabilities, f: ComplaintFacts): ComplaintAction[] {
  return ALL.filter((a) => capable(c, a) && blocker(f, a) === null);
}

/** FORBIDDEN when the caller could never do this, STATE_INVALID (with the reason) when only the moment is wrong. */
export function authorize(c: Capabilities, f: ComplaintFacts, action: ComplaintAction): void {
  if (!capable(c, action)) throw new AppError('FORBIDDEN', { action });
  const why = blocker(f, action);
  if (why) throw new AppError('STATE_INVALID', { action, state: why });
}
