import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Every business table starts the same way: tenant_id and a UUIDv7 id as the composite primary key,
 * so that a row can never point into another tenant and a Citus cluster can distribute by tenant.
 */
export function tenantTable(db: Kysely<any>, name: string): CreateTableBuilder<string, 'tenant_id' | 'id'> {
  return db.schema
    .createTable(name)
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenant.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['tenant_id', 'id']);
}

/** Foreign key within the tenant: (tenant_id, column) → (tenant_id, id). */
export function tenantFk<T extends CreateTableBuilder<any, any>>(t: T, name: string, column: string, table: string, onDelete?: 'cascade' | 'set null'): T {
  return t.addForeignKeyConstraint(`${name}_fk`, ['tenant_id', column], table, ['tenant_id', 'id'], (c) =>
    onDelete === 'cascade' ? c.onDelete('cascade') : c,
  ) as T;
}

export async function index(db: Kysely<any>, table: string, columns: string[], unique = false): Promise<void> {
  let b = db.schema.createIndex(`${table}_${columns.join('_')}_${unique ? 'uq' : 'ix'}`).on(table).columns(columns);
  if (unique) b = b.unique();
  await b.execute();
}
