import type { PortalSite } from '../../../contracts/portal.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { perTenantCache } from '../../platform/tenancy/per-tenant-cache.js';
import { tenantName } from './portal.repo.js';
import { publicSections } from './portal.sections.js';

/** Every portal page load asks for this first; a renamed tenant shows within SITE_TTL_MS. */
export const SITE_TTL_MS = 5_000;

export const describeSite = perTenantCache(SITE_TTL_MS, async (ctx: Ctx): Promise<PortalSite> => {
  const name = await tenantName(ctx.deps.db, ctx.tenantId);
  if (name === null) throw new AppError('UNAVAILABLE');
  return { name, sections: [...publicSections] };
});
