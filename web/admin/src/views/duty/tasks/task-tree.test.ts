import { describe, expect, it } from 'vitest';
import { buildTaskTree, childShares, parentIds, progressStatus } from './task-tree';
import { task } from './task-fixture';

describe('task tree', () => {
  it('nests children under their parents and makes a task whose parent is out of view a root', () => {
    const root = task({ number: '1' });
    const a = task({ number: '1.1', parentId: root.id });
    const a1 = task({ number: '1.1.1', parentId: a.id });
    const orphan = task({ number: '2.3', parentId: '0190a5a0-0000-7000-8000-0000000000ff' });
    const tree = buildTaskTree([root, a, a1, orphan]);
    expect(tree.map((x) => x.number)).toEqual(['1', '2.3']);
    expect(tree[0]!.children.map((x) => x.number)).toEqual(['1.1']);
    expect(tree[0]!.children[0]!.children.map((x) => x.number)).toEqual(['1.1.1']);
    expect(parentIds(tree)).toEqual([root.id, a.id]);
  });

  it('gives each child its weight share and the points it adds, which sum to the weighted mean', () => {
    // weights 3 and 1, progress 40 and 100: parent = (3×40 + 1×100) / 4 = 55
    const a = task({ number: '1.1', weight: 3, progress: 40 });
    const b = task({ number: '1.2', weight: 1, progress: 100 });
    const s = childShares([a, b]);
    expect(s.get(a.id)).toEqual({ share: 75, points: 30 });
    expect(s.get(b.id)).toEqual({ share: 25, points: 25 });
    expect(s.get(a.id)!.points + s.get(b.id)!.points).toBe(55);
  });

  it('gives no share when every weight is 0 rather than dividing by zero', () => {
    const a = task({ number: '1.1', weight: 0, progress: 50 });
    expect(childShares([a]).get(a.id)).toEqual({ share: 0, points: 0 });
  });

  it('colours a late task red until it is done', () => {
    expect(progressStatus({ overdue: true, status: 'in_progress' })).toBe('exception');
    expect(progressStatus({ overdue: true, status: 'submitted' })).toBe('exception');
    expect(progressStatus({ overdue: false, status: 'submitted' })).toBe('warning');
    expect(progressStatus({ overdue: false, status: 'completed' })).toBe('success');
    expect(progressStatus({ overdue: false, status: 'not_started' })).toBeUndefined();
  });
});
