import type { Generated } from 'kysely';

export interface PersonTable {
  tenant_id: string;
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string | null;
  /** Dictionary `political_status` code. */
  political_status: string;
  party_join_date: string | null;
  /** SM4 envelopes and blind indexes: the plaintext is never stored. */
  id_number_enc: string | null;
  id_number_bidx: string | null;
  mobile_enc: string | null;
  mobile_bidx: string | null;
  primary_org_id: string;
  status: 'active' | 'left';
  created_at: string;
  updated_at: string;
}

export interface PersonOrgTable {
  tenant_id: string;
  person_id: string;
  org_id: string;
  /**
   * 1 on the one row that mirrors `person.primary_org_id` (every person is a member of their primary org),
   * 0 on any other membership: a writer that adds a person writes both; one that adds a membership adds a 0.
   */
  is_primary: Generated<0 | 1>;
}

export interface PostTable {
  tenant_id: string;
  id: string;
  org_id: string;
  name: string;
  description: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface PersonPostTable {
  tenant_id: string;
  person_id: string;
  post_id: string;
}

export interface LeaderTable {
  tenant_id: string;
  id: string;
  person_id: string;
  title: string;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface LeaderOversightTable {
  tenant_id: string;
  leader_id: string;
  org_id: string;
}

export interface PeopleTables {
  person: PersonTable;
  person_org: PersonOrgTable;
  post: PostTable;
  person_post: PersonPostTable;
  leader: LeaderTable;
  leader_oversight: LeaderOversightTable;
}
