import type { PortalSite } from '../../../contracts/portal.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { tenantName } from './portal.repo.js';
import { publicSections } from './portal.sections.js';

export async function describeSite(ctx: Ctx): Promise<PortalSite> {
  const name = await tenantName(ctx.deps.db, ctx.tenantId);
  if (name === null) throw new AppError('UNAVAILABLE');
  return { name, sections: [...publicSections] };
}
