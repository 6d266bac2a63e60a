export interface TenantTable {
  id: string;
  code: string;
  name: string;
  /** Host name that selects this tenant on public routes and login (null: the default tenant). */
  host: string | null;
  is_default: 0 | 1;
  is_demo: 0 | 1;
  /** Tenant data key wrapped by the master key. */
  wrapped_key: string;
  created_at: string;
}

export interface TenancyTables {
  tenant: TenantTable;
}
