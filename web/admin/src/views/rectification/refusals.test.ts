import { describe, expect, it } from 'vitest';
import { refusalKey } from './refusals';

describe('refusalKey', () => {
  it('names the workflow reasons and leaves other failures to the general texts', () => {
    expect(refusalKey('STATE_INVALID', { state: 'measures_incomplete', measures: '1,3' })).toBe('rectification.errors.measures_incomplete');
    expect(refusalKey('STATE_INVALID', { state: 'extension_limit', max: 2 })).toBe('rectification.errors.extension_limit');
    expect(refusalKey('STATE_INVALID', { action: 'verify', state: 'closed' })).toBeNull();
    expect(refusalKey('FORBIDDEN', { reason: 'own_request' })).toBe('rectification.errors.own_request');
    expect(refusalKey('FORBIDDEN', {})).toBeNull();
  });
});
