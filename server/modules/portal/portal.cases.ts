import type { RouteCase } from '../../test/route-case.js';

export const portalCases: RouteCase[] = [{ method: 'GET', route: '/api/portal/site', allow: 'public', request: () => ({ url: '/api/portal/site' }) }];
