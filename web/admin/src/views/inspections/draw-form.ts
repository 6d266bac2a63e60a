import type { DeclareDraw } from '../../api/inspections';

/** The pool of a random draw as a form holds it. */
export interface PoolForm {
  orgIds: string[];
  inspectorIds: string[];
  targetCount: number | undefined;
  inspectorsPerTarget: number;
}

export function blankPool(): PoolForm {
  return { orgIds: [], inspectorIds: [], targetCount: undefined, inspectorsPerTarget: 2 };
}

/**
 * What the form can tell before asking the server: the pool needs orgs, more orgs than targets, and
 * inspectors when each target gets some. Exclusions (an inspector's own org and its chain) are the
 * server's to work out; it names the org that would be left short.
 */
export function poolProblem(p: PoolForm): 'noOrgs' | 'noTargetCount' | 'tooManyTargets' | 'tooFewInspectors' | null {
  if (p.orgIds.length === 0) return 'noOrgs';
  if (!p.targetCount) return 'noTargetCount';
  if (p.targetCount > p.orgIds.length) return 'tooManyTargets';
  if (p.inspectorIds.length < p.inspectorsPerTarget) return 'tooFewInspectors';
  return null;
}

export function declareBody(planId: string | null, purpose: string, p: PoolForm): DeclareDraw {
  return { planId, purpose: purpose.trim(), orgIds: [...p.orgIds], inspectorIds: [...p.inspectorIds], targetCount: p.targetCount ?? 1, inspectorsPerTarget: p.inspectorsPerTarget };
}

/** Public entropy the server accepts: letters, digits, space and . _ : - (e.g. a lottery draw number). */
export const PUBLIC_ENTROPY = /^[A-Za-z0-9 ._:-]{1,64}$/;
