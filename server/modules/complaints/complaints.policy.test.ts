import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { allowedActions, authorize, type Capabilities, type ComplaintFacts } from './complaints.policy.js';

const supervisor: Capabilities = { supervise: true, handle: false, identity: true };
const handler: Capabilities = { supervise: false, handle: true, identity: false };
const reader: Capabilities = { supervise: false, handle: false, identity: false };
const facts = (f: Partial<ComplaintFacts>): ComplaintFacts => ({
  status: 'submitted', anonymous: true, pendingExtension: false, approvedExtensions: 0, maxExtensions: 2, lastRating: null, redos: 0, ratingOverdue: false, ...f,
});

describe('what each side may do at each stage', () => {
  it.each([
    ['supervisor', supervisor, facts({}), ['assign', 'reject', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'assigned' }), ['assign', 'dispatch', 'reject', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'dispatched' }), ['link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'in_progress', pendingExtension: true }), ['decide_extension', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'answered' }), ['link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'answered', pendingExtension: true }), ['decide_extension', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'answered', ratingOverdue: true }), ['close', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'rated', lastRating: 'dissatisfied' }), ['redo', 'close', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'rated', lastRating: 'dissatisfied', redos: 1 }), ['close', 'link', 'rectification', 'note', 'message']],
    ['supervisor', supervisor, facts({ status: 'rated', lastRating: 'satisfied', anonymous: false }), ['close', 'link', 'rectification', 'note', 'message', 'identity']],
    ['supervisor', supervisor, facts({ status: 'closed' }), ['link', 'rectification', 'note']],
    ['supervisor', supervisor, facts({ status: 'rejected' }), ['note']],
    ['handler', handler, facts({ status: 'dispatched' }), ['accept', 'request_extension', 'note', 'message']],
    ['handler', handler, facts({ status: 'in_progress' }), ['answer', 'request_extension', 'note', 'message']],
    ['handler', handler, facts({ status: 'in_progress', pendingExtension: true }), ['answer', 'note', 'message']],
    ['handler', handler, facts({ status: 'in_progress', approvedExtensions: 2 }), ['answer', 'note', 'message']],
    ['handler', handler, facts({ status: 'answered' }), ['note', 'message']],
    ['reader', reader, facts({ status: 'in_progress', anonymous: false }), []],
  ] as const)('%s at %j', (_who, caps, f, expected) => {
    expect(allowedActions(caps, f)).toEqual(expected);
  });

  it('refuses what the caller could never do with FORBIDDEN and a bad moment with STATE_INVALID and its reason', () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e instanceof AppError ? [e.code, e.params.state ?? null] : null;
      }
    };
    expect(code(() => authorize(handler, facts({ status: 'assigned' }), 'dispatch'))).toEqual(['FORBIDDEN', null]);
    expect(code(() => authorize(supervisor, facts({ status: 'dispatched' }), 'answer'))).toEqual(['FORBIDDEN', null]);
    expect(code(() => authorize(supervisor, facts({ status: 'submitted' }), 'dispatch'))).toEqual(['STATE_INVALID', 'submitted']);
    expect(code(() => authorize(handler, facts({ status: 'in_progress', approvedExtensions: 2 }), 'request_extension'))).toEqual(['STATE_INVALID', 'extension_limit']);
    expect(code(() => authorize(handler, facts({ status: 'in_progress', pendingExtension: true }), 'request_extension'))).toEqual(['STATE_INVALID', 'extension_pending']);
    expect(code(() => authorize(supervisor, facts({ status: 'answered' }), 'close'))).toEqual(['STATE_INVALID', 'awaiting_rating']);
    expect(code(() => authorize(supervisor, facts({ status: 'rated', lastRating: 'basically_satisfied' }), 'redo'))).toEqual(['STATE_INVALID', 'rated']);
    expect(code(() => authorize(supervisor, facts({ status: 'rated', lastRating: 'dissatisfied', redos: 1 }), 'redo'))).toEqual(['STATE_INVALID', 'redo_limit']);
    expect(code(() => authorize(supervisor, facts({ anonymous: true }), 'identity'))).toEqual(['STATE_INVALID', 'anonymous']);
    expect(code(() => authorize(supervisor, facts({ status: 'assigned' }), 'dispatch'))).toBeNull();
  });
});
