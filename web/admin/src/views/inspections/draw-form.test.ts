import { describe, expect, it } from 'vitest';
import { ExecuteDraw } from '../../../../../contracts/inspections';
import { blankPool, declareBody, poolProblem, PUBLIC_ENTROPY } from './draw-form';

const org = (n: number) => `0190a5a0-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;

describe('draw form', () => {
  it('names what is missing from a pool before anything is sent', () => {
    expect(poolProblem(blankPool())).toBe('noOrgs');
    expect(poolProblem({ ...blankPool(), orgIds: [org(1), org(2)] })).toBe('noTargetCount');
    expect(poolProblem({ ...blankPool(), orgIds: [org(1)], targetCount: 2 })).toBe('tooManyTargets');
    expect(poolProblem({ ...blankPool(), orgIds: [org(1), org(2)], targetCount: 1, inspectorIds: [org(9)] })).toBe('tooFewInspectors');
    expect(poolProblem({ ...blankPool(), orgIds: [org(1), org(2)], targetCount: 1, inspectorIds: [org(9)], inspectorsPerTarget: 0 })).toBeNull();
    expect(poolProblem({ orgIds: [org(1), org(2)], targetCount: 2, inspectorIds: [org(8), org(9)], inspectorsPerTarget: 2 })).toBeNull();
  });

  it('declares the pool for a plan with a trimmed purpose', () => {
    const pool = { orgIds: [org(1), org(2), org(3)], inspectorIds: [org(8), org(9)], targetCount: 2, inspectorsPerTarget: 1 };
    expect(declareBody(org(50), ' 2026 年三公经费抽查 ', pool)).toEqual({
      planId: org(50), purpose: '2026 年三公经费抽查', orgIds: pool.orgIds, inspectorIds: pool.inspectorIds, targetCount: 2, inspectorsPerTarget: 1,
    });
  });

  it('accepts public entropy the server accepts, and nothing else', () => {
    expect(PUBLIC_ENTROPY.source).toBe((ExecuteDraw.properties.publicEntropy as { pattern?: string }).pattern);
    expect(PUBLIC_ENTROPY.test('福彩3D 2026001')).toBe(false);
    expect(PUBLIC_ENTROPY.test('FC3D-2026001 open: 4 7 2')).toBe(true);
    expect(PUBLIC_ENTROPY.test('')).toBe(false);
    expect(PUBLIC_ENTROPY.test('x'.repeat(65))).toBe(false);
  });
});
