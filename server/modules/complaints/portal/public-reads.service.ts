import type { Static } from 'typebox';
import type { PortalCatalogue, PublicStats } from '../../../../contracts/complaints.js';
import type { Ctx } from '../../../platform/context.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import * as repo from './portal.repo.js';
import { suppressTables, type StatsCell } from './public-stats.js';
import { perTenantCache } from '../../../platform/tenancy/per-tenant-cache.js';

/**
 * The portal's catalogue and statistics are the same for every visitor and change rarely: each process
 * keeps them for a few seconds, so a burst of visitors costs one query set per tenant per interval. A
 * catalogue edit or a new complaint shows on the portal within these seconds.
 */
export const CATALOGUE_TTL_MS = 10_000;
export const STATS_TTL_MS = 30_000;

/**
 * 监督事项清单 for the complaint form: enabled categories with their enabled matters, and the active orgs
 * (ids, names, parents only), and the upload limit the intake will enforce. Kept as its JSON text: with every org and matter of a tenant it is the
 * largest public answer, and serializing it once per interval instead of once per visitor is most of its cost.
 */
export const portalCatalogueJson = perTenantCache(CATALOGUE_TTL_MS, async (ctx: Ctx): Promise<string> => JSON.stringify(await portalCatalogue(ctx)));

async function portalCatalogue(ctx: Ctx): Promise<Static<typeof PortalCatalogue>> {
  const [categories, matters, orgs, settings] = await Promise.all([
    repo.enabledCategories(ctx.deps.db, ctx.tenantId),
    repo.enabledMatters(ctx.deps.db, ctx.tenantId),
    repo.activeOrgs(ctx.deps.db, ctx.tenantId),
    loadSettings(ctx.deps.db, ctx.tenantId),
  ]);
  return {
    categories: categories
      .map((c) => ({
        id: c.id,
        name: c.name,
        nameEn: c.name_en,
        description: c.description,
        matters: matters.filter((m) => m.category_id === c.id).map((m) => ({ id: m.id, name: m.name, description: m.description, orgId: m.responsible_org_id })),
      }))
      .filter((c) => c.matters.length > 0),
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id })),
    maxUploadMegabytes: settings['system.uploads.maxMegabytes'],
  };
}

function tally(rows: Awaited<ReturnType<typeof repo.statsRows>>, keyOf: (r: (typeof rows)[number]) => string): Map<string, Omit<StatsCell, 'label'>> {
  const cells = new Map<string, Omit<StatsCell, 'label'>>();
  for (const r of rows) {
    const key = keyOf(r);
    const cell = cells.get(key) ?? { total: 0, answered: 0, rated: 0, satisfied: 0 };
    cell.total += 1;
    if (Number(r.replied) === 1) cell.answered += 1;
    if (r.rating) cell.rated += 1;
    if (r.rating === 'satisfied' || r.rating === 'basically_satisfied') cell.satisfied += 1;
    cells.set(key, cell);
  }
  return cells;
}

/**
 * 回复率 (replied / all, as the staff statistics count it: complaints.kpi.ts) and 满意率 (满意 + 基本满意 / rated, each complaint by its latest rating) per org
 * the complaints are about and per category, over all complaints of every channel; small cells suppressed.
 */
export const publicStats = perTenantCache(STATS_TTL_MS, async (ctx: Ctx): Promise<Static<typeof PublicStats>> => {
  const minCell = (await loadSettings(ctx.deps.db, ctx.tenantId))['system.complaint.publicStatsMinCell'];
  const [rows, orgs, categories] = await Promise.all([repo.statsRows(ctx.deps.db, ctx.tenantId), repo.orgNames(ctx.deps.db, ctx.tenantId), repo.categoryNames(ctx.deps.db, ctx.tenantId)]);
  const byOrg = tally(rows, (r) => r.org_id);
  const byCategory = tally(rows, (r) => r.category_id);
  const table = (names: { id: string; name: string }[], cells: Map<string, Omit<StatsCell, 'label'>>) =>
    names.flatMap((n) => (cells.has(n.id) ? [{ label: n.name, ...cells.get(n.id)! }] : []));
  const [orgRows, categoryRows] = suppressTables([table(orgs, byOrg), table(categories, byCategory)], minCell);
  return { byOrg: orgRows!, byCategory: categoryRows!, minimumCell: minCell };
});
