import { systemCtx } from '../../../platform/context.js';
import type { RouteCase } from '../../../test/route-case.js';
import type { FixtureUser, World } from '../../../test/world.js';
import { appendAs, bareClue, listOn } from './steps.fixture.js';

/** The fixture roles holding clue:read; each still sees only clues it is listed on. */
const readers = ['discipline', 'secretary'] as const;

/** A clue with one step, listed for `as` (when given). */
async function clueFor(w: World, as: FixtureUser | null): Promise<string> {
  const clue = await bareClue(w);
  if (as) await listOn(w, clue, as, 'handler');
  await appendAs(systemCtx(w.deps, w.tenantId), clue, [['registered', { source: 'letter' }]]);
  return clue;
}

const outsideList = (path: string) => ({
  as: 'discipline' as const,
  inside: async (w: World) => ({ url: `/api/clues/${await clueFor(w, 'discipline')}${path}` }),
  outside: async (w: World) => ({ url: `/api/clues/${await clueFor(w, 'secretary')}${path}` }),
  denied: 404 as const,
});

export const clueStepCases: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/clues/:id/steps',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/clues/${await clueFor(w, as)}/steps` }),
    scope: [outsideList('/steps')],
  },
  {
    method: 'GET',
    route: '/api/clues/:id/steps/verify',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/clues/${await clueFor(w, as)}/steps/verify` }),
    scope: [outsideList('/steps/verify')],
  },
  {
    method: 'GET',
    route: '/api/clues/:id/steps/:seq/signature',
    allow: [...readers],
    request: async (w, as) => ({ url: `/api/clues/${await clueFor(w, as)}/steps/1/signature` }),
    scope: [outsideList('/steps/1/signature')],
  },
];
