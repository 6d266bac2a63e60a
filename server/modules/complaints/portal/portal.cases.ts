import type { RouteCase } from '../../../test/route-case.js';
import { complaintFields, markAnswered, PORTAL, portalForm, reporterHeader, seededComplaint, solvedCaptcha } from './portal.fixtures.js';

/** Every portal route is public: anonymous callers and staff alike get the same answers, and no staff session is read. */
export const complaintPortalCases: RouteCase[] = [
  { method: 'GET', route: `${PORTAL}/catalogue`, allow: 'public', request: () => ({ url: `${PORTAL}/catalogue` }) },
  { method: 'GET', route: `${PORTAL}/stats`, allow: 'public', request: () => ({ url: `${PORTAL}/stats` }) },
  { method: 'GET', route: `${PORTAL}/captcha`, allow: 'public', request: () => ({ url: `${PORTAL}/captcha` }) },
  {
    method: 'POST',
    route: PORTAL,
    allow: 'public',
    ok: 201,
    multipart: true,
    request: async (w) => {
      const { payload, headers } = portalForm({ ...(await complaintFields(w)), captcha: await solvedCaptcha(w) });
      return { url: PORTAL, body: payload, headers };
    },
  },
  {
    method: 'POST',
    route: `${PORTAL}/session`,
    allow: 'public',
    request: async (w) => ({ url: `${PORTAL}/session`, body: { receiptCode: (await seededComplaint(w)).receiptCode, captcha: await solvedCaptcha(w) } }),
  },
  { method: 'GET', route: `${PORTAL}/mine`, allow: 'public', request: async (w) => ({ url: `${PORTAL}/mine`, headers: await reporterHeader(w, (await seededComplaint(w)).id) }) },
  {
    method: 'POST',
    route: `${PORTAL}/mine/messages`,
    allow: 'public',
    request: async (w) => ({ url: `${PORTAL}/mine/messages`, body: { body: '补充一点：补贴名单上有已调走的人员。' }, headers: await reporterHeader(w, (await seededComplaint(w)).id) }),
  },
  {
    method: 'POST',
    route: `${PORTAL}/mine/rating`,
    allow: 'public',
    request: async (w) => {
      const c = await seededComplaint(w);
      await markAnswered(w, c.id);
      return { url: `${PORTAL}/mine/rating`, body: { rating: 'basically_satisfied', comment: '答复及时。' }, headers: await reporterHeader(w, c.id) };
    },
  },
  { method: 'POST', route: `${PORTAL}/mine/logout`, allow: 'public', request: async (w) => ({ url: `${PORTAL}/mine/logout`, headers: await reporterHeader(w, (await seededComplaint(w)).id) }) },
];
