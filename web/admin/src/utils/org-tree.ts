import type { Org } from '../api/types';

export interface OrgNode extends Org {
  children: OrgNode[];
}

/**
 * The API returns the visible orgs flat; parents outside the caller's scope are missing, so their
 * children become roots. Siblings are ordered by `sort`, then name.
 */
export function buildOrgTree(items: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(items.map((o) => [o.id, { ...o, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) order(n.children);
  };
  order(roots);
  return roots;
}

