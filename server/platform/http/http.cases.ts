import type { RouteCase } from '../../test/route-case.js';

export const httpCases: RouteCase[] = [{ method: 'GET', route: '/api/health', allow: 'public', request: () => ({ url: '/api/health' }) }];
