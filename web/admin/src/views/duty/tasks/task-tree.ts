import type { DutyTaskSummary } from '../../../api/duty-tasks';

export type TaskNode = DutyTaskSummary & { children: TaskNode[] };

/**
 * The plan's flat list (tree order) as a tree. A task whose parent the caller cannot see becomes a root, so
 * a unit officer's view of a plan starts at the tasks assigned to their unit.
 */
export function buildTaskTree(items: readonly DutyTaskSummary[]): TaskNode[] {
  const byId = new Map<string, TaskNode>(items.map((t) => [t.id, { ...t, children: [] }]));
  const roots: TaskNode[] = [];
  for (const t of items) {
    const node = byId.get(t.id)!;
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * A child's part in its parent's progress: the server rolls a parent up as Σ(weight × progress) / Σ weight
 * over all its children; `share` is the child's weight share, `points` what it adds to the parent's %.
 * Children out of the caller's view still count on the server, so the sum here is shown, never recomputed.
 */
export function childShares(children: readonly DutyTaskSummary[]): Map<string, { share: number; points: number }> {
  const totalWeight = children.reduce((s, c) => s + c.weight, 0);
  const out = new Map<string, { share: number; points: number }>();
  for (const c of children) {
    const share = totalWeight > 0 ? c.weight / totalWeight : 0;
    out.set(c.id, { share: round2(share * 100), points: round2(share * c.progress) });
  }
  return out;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Bar colour: overdue red first (a late task stays red until done), done green, waiting review amber. */
export function progressStatus(t: Pick<DutyTaskSummary, 'overdue' | 'status'>): 'exception' | 'success' | 'warning' | undefined {
  if (t.status === 'completed') return 'success';
  if (t.overdue) return 'exception';
  if (t.status === 'submitted') return 'warning';
  return undefined;
}

/** Every id that has children, for "expand all". */
export function parentIds(nodes: readonly TaskNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? [n.id, ...parentIds(n.children)] : []));
}
