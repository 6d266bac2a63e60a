import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser, World } from '../../test/world.js';
import { files, upload } from './test-files.js';

/** A fresh draft uploaded by `user`, through the route itself. */
export async function draftOf(w: World, user: FixtureUser): Promise<string> {
  const res = await w.as(user).inject({ method: 'POST', url: '/api/attachments', ...upload('现场照片.png', files.png) });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json().id as string;
}

export const attachmentCases: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/attachments',
    allow: 'any-session',
    ok: 201,
    multipart: true,
    request: () => {
      const { payload, headers } = upload('整改报告.pdf', files.pdf);
      return { url: '/api/attachments', body: payload, headers };
    },
  },
  {
    method: 'GET',
    route: '/api/attachments/:id',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/attachments/${await draftOf(w, as ?? 'staff')}` }),
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/attachments/${await draftOf(w, 'staff')}` }),
        outside: async (w) => ({ url: `/api/attachments/${await draftOf(w, 'branchSecretary')}` }),
      },
    ],
  },
  {
    method: 'DELETE',
    route: '/api/attachments/:id',
    allow: 'any-session',
    request: async (w, as) => ({ url: `/api/attachments/${await draftOf(w, as ?? 'staff')}` }),
    scope: [
      {
        as: 'staff',
        inside: async (w) => ({ url: `/api/attachments/${await draftOf(w, 'staff')}` }),
        outside: async (w) => ({ url: `/api/attachments/${await draftOf(w, 'secretary')}` }),
      },
    ],
  },
];
