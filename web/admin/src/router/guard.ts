import type { LocationQuery, RouteLocationRaw, RouteMeta, RouteRecordNameGeneric } from 'vue-router';
import type { useSessionStore } from '../stores/session';
import { stepRoutes } from './routes';

type Session = ReturnType<typeof useSessionStore>;

/** The parts of a target route the decision reads (a normalized or a resolved location). */
interface Target {
  name?: RouteRecordNameGeneric | null;
  meta: RouteMeta;
  query: LocationQuery;
  fullPath: string;
}

const ENTRY_PAGES = new Set(['login', 'setup']);

function redirectTarget(to: Target): string | undefined {
  const r = to.query.redirect;
  return typeof r === 'string' && r.startsWith('/') && !r.startsWith('//') ? r : undefined;
}

/**
 * Where a navigation may go, given the session: no session → login; an unfinished sign-in (MFA,
 * password change) → exactly that step; a page needing a permission the user lacks → forbidden.
 * Pure so that it can be tested without a browser.
 */
export function resolveNavigation(to: Target, session: Pick<Session, 'me' | 'pendingStep' | 'canAny'>): true | RouteLocationRaw {
  const name = typeof to.name === 'string' ? to.name : '';
  const step = session.pendingStep;
  const redirect = redirectTarget(to);
  if (to.meta.public) {
    if (ENTRY_PAGES.has(name)) {
      if (!session.me) return true;
      return step ? { name: stepRoutes[step], query: redirect ? { redirect } : {} } : redirect ?? { name: 'home' };
    }
    if (!session.me) return { name: 'login' };
    if (!step) return redirect ?? { name: 'home' };
    return name === stepRoutes[step] ? true : { name: stepRoutes[step], query: redirect ? { redirect } : {} };
  }
  if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (step) return { name: stepRoutes[step], query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (to.meta.anyOf && !session.canAny(to.meta.anyOf)) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
}
