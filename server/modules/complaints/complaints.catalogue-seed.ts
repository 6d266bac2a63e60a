import type { Db, Tx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { t } from '../../platform/i18n/i18n.js';

/**
 * The 监督事项清单 every tenant starts with, on the published 6 大类 (大通县: 党务、村(社区)务、"三资"、民生资金、
 * 小微工程建设项目、其他重要工作), with matters fitted to a public institution. Texts live in the server
 * locale files under `complaints.builtinCatalogue.<category>`.
 */
export const builtinCatalogue: { code: string; matters: string[] }[] = [
  { code: 'party_affairs', matters: ['organisation', 'membership', 'party_dues', 'organisational_life', 'party_disclosure'] },
  { code: 'government_affairs', matters: ['approvals', 'law_enforcement', 'service_conduct', 'government_disclosure'] },
  { code: 'three_assets', matters: ['funds', 'assets', 'resources'] },
  { code: 'livelihood_funds', matters: ['assistance', 'subsidies', 'welfare'] },
  { code: 'small_projects', matters: ['bidding', 'quality', 'payments'] },
  { code: 'other', matters: ['eight_rules', 'other_matters'] },
];

const SEED_LOCALE = 'zh-CN';

/**
 * Adds the built-in categories a tenant lacks (by code) and, for a built-in category that has no matters
 * yet, its default matters with the tenant's root org as the responsible org. A tenant is created before
 * its orgs, so its matters arrive on the first run after a root org exists (the next start, or the demo
 * seed's own run). Categories and matters the tenant already has are never touched again.
 */
export async function seedComplaintCatalogue(db: Db | Tx, tenantId: string, at: string): Promise<void> {
  const root = await db
    .selectFrom('org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .orderBy('sort')
    .orderBy('name')
    .executeTakeFirst();
  for (const [i, def] of builtinCatalogue.entries()) {
    const key = `complaints.builtinCatalogue.${def.code}`;
    await db
      .insertInto('complaint_category')
      .values({
        tenant_id: tenantId, id: newId(), code: def.code, name: t(SEED_LOCALE, `${key}.name`), name_en: t('en-US', `${key}.name`),
        description: t(SEED_LOCALE, `${key}.description`), enabled: 1, sort: (i + 1) * 10, created_at: at, updated_at: at,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
      .execute();
    if (!root) continue;
    const category = await db.selectFrom('complaint_category').select('id').where('tenant_id', '=', tenantId).where('code', '=', def.code).executeTakeFirstOrThrow();
    const has = await db.selectFrom('complaint_matter').select('id').where('tenant_id', '=', tenantId).where('category_id', '=', category.id).limit(1).executeTakeFirst();
    if (has) continue;
    await db
      .insertInto('complaint_matter')
      .values(
        def.matters.map((m, j) => ({
          tenant_id: tenantId, id: newId(), category_id: category.id, name: t(SEED_LOCALE, `${key}.matters.${m}.name`),
          description: t(SEED_LOCALE, `${key}.matters.${m}.description`), responsible_org_id: root.id, assign_days: null, answer_days: null,
          enabled: 1 as const, sort: (j + 1) * 10, created_at: at, updated_at: at,
        })),
      )
      .execute();
  }
}
