import type { ChecklistTable } from './inspections.tables.js';
import type { Db, Tx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { t } from '../../platform/i18n/i18n.js';

/**
 * The checklists every tenant starts with; their texts live in the server locale files under
 * `inspections.builtinTemplates.<code>`. Once seeded they belong to the tenant, whose administrators may
 * edit or disable them: a later start never overwrites them.
 */
export const builtinChecklists: { code: string; category: ChecklistTable['category']; items: string[] }[] = [
  {
    code: 'eight_rules',
    category: 'eight_rules',
    items: ['reception_letter', 'reception_escort', 'reception_standard', 'vehicle_register', 'vehicle_parking', 'meeting_fees', 'training_fees', 'office_space', 'allowances', 'festival_gifts', 'formalism'],
  },
  {
    code: 'three_major',
    category: 'three_major',
    items: ['collective_decision', 'scope_list', 'deliberation', 'quorum', 'chair_last', 'minutes', 'recusal', 'legal_review', 'execution', 'archive'],
  },
  {
    code: 'three_public',
    category: 'three_public',
    items: ['abroad_approval', 'abroad_reimbursement', 'reception_standard', 'reception_ledger', 'vehicle_costs', 'vehicle_purchase', 'budget_consistency', 'disclosure', 'hidden_spending'],
  },
];

/** Tenants are seeded in Chinese, the language their staff work in. */
const SEED_LOCALE = 'zh-CN';

/** Adds the built-in checklists a tenant does not have yet (by code); safe to run on every start. */
export async function seedBuiltinChecklists(db: Db | Tx, tenantId: string, at: string): Promise<void> {
  for (const def of builtinChecklists) {
    const key = `inspections.builtinTemplates.${def.code}`;
    const inserted = await db
      .insertInto('checklist')
      .values({ tenant_id: tenantId, id: newId(), code: def.code, name: t(SEED_LOCALE, `${key}.name`), category: def.category, builtin: 1, enabled: 1, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    await db
      .insertInto('checklist_item')
      .values(
        def.items.map((item, i) => ({
          tenant_id: tenantId, id: newId(), checklist_id: inserted.id, seq: i + 1, text: t(SEED_LOCALE, `${key}.items.${item}.text`),
          guidance: t(SEED_LOCALE, `${key}.items.${item}.guidance`), retired: 0 as const,
        })),
      )
      .execute();
  }
}
