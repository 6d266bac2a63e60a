import { describe, expect, it } from 'vitest';
import { refusalKey } from './refusals';

const known = (k: string) => ['complaints.errors.extension_limit', 'complaints.errors.own_request'].includes(k);

describe('complaint refusals', () => {
  it('name the workflow reason when the web has words for it', () => {
    expect(refusalKey('STATE_INVALID', { state: 'extension_limit' }, known)).toBe('complaints.errors.extension_limit');
    expect(refusalKey('FORBIDDEN', { reason: 'own_request' }, known)).toBe('complaints.errors.own_request');
  });

  it('leave every other failure to the general error text', () => {
    expect(refusalKey('STATE_INVALID', { state: 'something_new' }, known)).toBeNull();
    expect(refusalKey('STATE_INVALID', {}, known)).toBeNull();
    expect(refusalKey('NOT_FOUND', { reason: 'own_request' }, known)).toBeNull();
    expect(refusalKey('FORBIDDEN', { reason: 3 }, known)).toBeNull();
  });
});
