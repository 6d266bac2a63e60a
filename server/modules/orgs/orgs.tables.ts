export type OrgKind = 'party_general_branch' | 'party_branch' | 'party_group' | 'bureau' | 'subordinate_unit' | 'section';

export interface OrgTable {
  tenant_id: string;
  id: string;
  parent_id: string | null;
  kind: OrgKind;
  name: string;
  short_name: string;
  code: string | null;
  sort: number;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

/** One row per (ancestor, descendant) pair including (x, x, 0): data scope is a plain join. */
export interface OrgClosureTable {
  tenant_id: string;
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface OrgsTables {
  org: OrgTable;
  org_closure: OrgClosureTable;
}
