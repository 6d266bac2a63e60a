import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { resolveNavigation } from './guard';
import { routes } from './routes';
import type { Me, Permission } from '../api/types';

const router = createRouter({ history: createMemoryHistory(), routes });
const to = (path: string) => router.resolve(path);

function session(opts: { signedIn: boolean; step?: 'mfa-verify' | 'mfa-enrol' | 'password' | null; permissions?: Permission[] }) {
  const permissions = new Set(opts.permissions ?? []);
  return {
    me: opts.signedIn ? ({ userId: 'u' } as Me) : null,
    pendingStep: opts.step ?? null,
    canAny: (ps: readonly Permission[]) => ps.some((p) => permissions.has(p)),
  };
}

describe('resolveNavigation', () => {
  it('sends an anonymous visitor to login and remembers where they were going', () => {
    expect(resolveNavigation(to('/people?orgId=1'), session({ signedIn: false }))).toEqual({ name: 'login', query: { redirect: '/people?orgId=1' } });
    expect(resolveNavigation(to('/login'), session({ signedIn: false }))).toBe(true);
    expect(resolveNavigation(to('/mfa/verify'), session({ signedIn: false }))).toEqual({ name: 'login' });
  });

  it('holds a half-signed-in user on the step they owe, whatever they open', () => {
    const s = session({ signedIn: true, step: 'mfa-enrol', permissions: ['org:read'] });
    expect(resolveNavigation(to('/orgs'), s)).toEqual({ name: 'mfa-enrol', query: { redirect: '/orgs' } });
    expect(resolveNavigation(to('/password/change'), s)).toEqual({ name: 'mfa-enrol', query: {} });
    expect(resolveNavigation(to('/mfa/enrol'), s)).toBe(true);
    expect(resolveNavigation(to('/login'), session({ signedIn: true, step: 'password' }))).toEqual({ name: 'password-change', query: {} });
  });

  it('lets a complete session through, away from the sign-in pages, and only to permitted pages', () => {
    const s = session({ signedIn: true, permissions: ['org:read'] });
    expect(resolveNavigation(to('/orgs'), s)).toBe(true);
    expect(resolveNavigation(to('/login?redirect=/orgs'), s)).toBe('/orgs');
    expect(resolveNavigation(to('/login?redirect=//evil.example'), s)).toEqual({ name: 'home' });
    expect(resolveNavigation(to('/mfa/verify'), s)).toEqual({ name: 'home' });
    expect(resolveNavigation(to('/audit'), s)).toEqual({ name: 'forbidden', query: { from: '/audit' } });
  });
});
