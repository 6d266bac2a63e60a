import { describe, expect, it } from 'vitest';
import { drawCommitment } from '../../../../../contracts/draw-algorithm';
import type { RandomDraw } from '../../api/inspections';
import { browserSm3, drawFile, exclusions, namedSelection, publishedDraw, recompute } from './draw-check';

/** A draw as the server published it (demo data): declared, then drawn with public entropy. */
const served: RandomDraw = {
  id: '01a21b33-aca6-75f3-b245-a04ab9041876', planId: null, purpose: '测试抽取', algorithm: 'qingfeng-draw-v1 (SM3 rank)',
  pool: {
    orgs: [
      { id: '01a21b33-3e87-74cc-9bab-42683b944ff2', name: '闸站管理所' }, { id: '01a21b33-3ea7-7155-8b21-2b954bc0d693', name: '办公室' },
      { id: '01a21b33-3ea9-733c-ad4a-e93a8c3f0c14', name: '财务股' }, { id: '01a21b33-3eac-70a7-9d3a-a9819cd7ab06', name: '人事股' },
      { id: '01a21b33-3ead-76d4-90ad-7a71320d3607', name: '工程管理股' },
    ],
    inspectors: [
      { id: '01a21b33-3eed-7189-8ce0-9d2fca97b753', name: '周俊磊' }, { id: '01a21b33-3eee-727d-92f5-4be660c47c6d', name: '宋飞刚' },
      { id: '01a21b33-3f1f-72d7-be7c-4d9f80e4f7ac', name: '张宇' }, { id: '01a21b33-3f1b-70fc-a09e-d1c2f3e750d1', name: '彭建辉' },
      { id: '01a21b33-3ef1-7744-8e3f-29d64a27182c', name: '徐宇胜' }, { id: '01a21b33-3ef0-7288-8f72-63556a7e3b91', name: '李亮河' },
    ],
    excluded: {
      '01a21b33-3ea9-733c-ad4a-e93a8c3f0c14': [
        '01a21b33-3eed-7189-8ce0-9d2fca97b753', '01a21b33-3eee-727d-92f5-4be660c47c6d', '01a21b33-3ef0-7288-8f72-63556a7e3b91', '01a21b33-3ef1-7744-8e3f-29d64a27182c',
      ],
    },
    targetCount: 2,
    inspectorsPerTarget: 2,
  },
  commitment: '7cfdafcb8d23eab91d00afe1f56f1920828ab74cf5706a21fc865dd8efd937db',
  status: 'drawn',
  committedAt: '2026-11-27T12:11:41.094+08:00',
  seed: 'aeebc471e2f1e1f6ea2e7c2086d49b94578e8af309f1b6ad81a2051a7dbd4a0f',
  publicEntropy: '2026-03-01 lottery 123',
  selection: [
    { orgId: '01a21b33-3ead-76d4-90ad-7a71320d3607', inspectorIds: ['01a21b33-3f1f-72d7-be7c-4d9f80e4f7ac', '01a21b33-3f1b-70fc-a09e-d1c2f3e750d1'] },
    { orgId: '01a21b33-3eac-70a7-9d3a-a9819cd7ab06', inspectorIds: ['01a21b33-3f1f-72d7-be7c-4d9f80e4f7ac', '01a21b33-3f1b-70fc-a09e-d1c2f3e750d1'] },
  ],
  drawnAt: '2026-11-27T12:11:45.050+08:00',
};

const published = () => publishedDraw(served)!;

describe('draw check in the browser', () => {
  it('recomputes the server\'s draw with the browser\'s own SM3', async () => {
    const sm3 = await browserSm3();
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const v = recompute(sm3, published());
    expect(v).toEqual({ commitmentMatches: true, selectionMatches: true, recomputed: served.selection });
  });

  it('finds a seed that is not the committed one, and a selection that is not the algorithm\'s', async () => {
    const sm3 = await browserSm3();
    const withOtherSeed = recompute(sm3, { ...published(), seed: sm3('another seed') });
    expect(withOtherSeed).toMatchObject({ commitmentMatches: false, selectionMatches: false });
    expect(withOtherSeed.recomputed).toHaveLength(2);

    const swapped = [served.selection![1]!, served.selection![0]!];
    expect(recompute(sm3, { ...published(), selection: swapped })).toMatchObject({ commitmentMatches: true, selectionMatches: false });
  });

  it('notices a pool or public entropy changed after publication', async () => {
    const sm3 = await browserSm3();
    const fewer = { ...served.pool, orgs: served.pool.orgs.filter((o) => o.name !== '人事股') };
    expect(recompute(sm3, { ...published(), pool: fewer }).selectionMatches).toBe(false);
    expect(recompute(sm3, { ...published(), publicEntropy: null }).selectionMatches).toBe(false);
    expect(drawCommitment(sm3, served.seed!)).toBe(served.commitment);
  });

  it('publishes nothing to check before the reveal', () => {
    expect(publishedDraw({ ...served, status: 'committed', seed: null, selection: null, publicEntropy: null, drawnAt: null })).toBeNull();
  });

  it('names the picks and the exclusions from the pool', () => {
    expect(namedSelection(served.pool, served.selection!)).toEqual([
      { orgId: '01a21b33-3ead-76d4-90ad-7a71320d3607', org: '工程管理股', inspectors: ['张宇', '彭建辉'] },
      { orgId: '01a21b33-3eac-70a7-9d3a-a9819cd7ab06', org: '人事股', inspectors: ['张宇', '彭建辉'] },
    ]);
    expect(exclusions(served.pool)).toEqual([{ org: '财务股', inspectors: ['周俊磊', '宋飞刚', '李亮河', '徐宇胜'] }]);
  });

  it('writes the 公示文件 as the API publishes the draw', async () => {
    const file = drawFile(served);
    expect(file.name).toBe('draw-2026-11-27-b9041876.json');
    expect(JSON.parse(await file.blob.text())).toEqual(served);
  });
});
