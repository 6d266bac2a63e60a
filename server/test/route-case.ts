import type { FixtureUser, World } from './world.js';

export interface CaseRequest {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One registered route as the access matrix and the bad-input corpus exercise it. Every /api route needs
 * exactly one case; the matrix test fails on a route without one.
 */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route pattern as registered, e.g. `/api/orgs/:id`. */
  route: string;
  /**
   * Who gets past authorization: a list of fixture users (everyone else gets 403, anonymous 401),
   * `any-session` for every signed-in user, or `public` for anonymous callers too.
   */
  allow: FixtureUser[] | 'any-session' | 'public';
  /** A valid request for this caller; called for every attempt, so it may create what it acts on. */
  request(w: World, as: FixtureUser | null): Promise<CaseRequest> | CaseRequest;
  /** Status of a successful call (default 200). */
  ok?: number;
  /** Data-scope checks: `as` reaches `inside` but never `outside` (refused with `denied`, default 404). */
  scope?: {
    as: FixtureUser;
    inside(w: World): Promise<CaseRequest> | CaseRequest;
    outside(w: World): Promise<CaseRequest> | CaseRequest;
    denied?: 403 | 404;
  }[];
  /** Skip the generic bad-input corpus for a body that is not JSON (uploads); the module tests it instead. */
  multipart?: boolean;
}
