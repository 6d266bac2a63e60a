/**
 * Who may not inspect whom: an inspector is excluded from an org when any org they belong to (primary
 * or membership) lies in that org's chain — the org itself, one of its ancestors or one of its descendants.
 */
export function excludedInspectors(
  orgIds: string[],
  links: { ancestor_id: string; descendant_id: string }[],
  inspectorOrgs: Map<string, string[]>,
): Record<string, string[]> {
  const chain = new Map(orgIds.map((o) => [o, new Set([o])]));
  for (const l of links) {
    chain.get(l.descendant_id)?.add(l.ancestor_id);
    chain.get(l.ancestor_id)?.add(l.descendant_id);
  }
  const out: Record<string, string[]> = {};
  for (const org of orgIds) {
    const line = chain.get(org)!;
    const excluded = [...inspectorOrgs].filter(([, orgs]) => orgs.some((o) => line.has(o))).map(([person]) => person).sort();
    if (excluded.length) out[org] = excluded;
  }
  return out;
}
