import type { OrgKind } from '../../api/types';

/** Display order: party organisations first, then administrative units. */
export const orgKindOrder: readonly OrgKind[] = ['party_general_branch', 'party_branch', 'party_group', 'bureau', 'subordinate_unit', 'section'];

export const orgKindTag: Record<OrgKind, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  party_general_branch: 'danger',
  party_branch: 'danger',
  party_group: 'warning',
  bureau: 'primary',
  subordinate_unit: 'success',
  section: 'info',
};
