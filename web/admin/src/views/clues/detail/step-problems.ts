import type { ClueStepVerification } from '../../../api/clues';

export type StepProblemKind = ClueStepVerification['problems'][number]['kind'];

/** The verifier's problems by step number, for marking each step; a problem at a number no listed step has stays separate. */
export function problemsBySeq(v: ClueStepVerification, listed: readonly number[]): { bySeq: Map<number, StepProblemKind[]>; unlisted: ClueStepVerification['problems'] } {
  const seqs = new Set(listed);
  const bySeq = new Map<number, StepProblemKind[]>();
  const unlisted: ClueStepVerification['problems'] = [];
  for (const p of v.problems) {
    if (!seqs.has(p.seq)) unlisted.push(p);
    else bySeq.set(p.seq, [...(bySeq.get(p.seq) ?? []), p.kind]);
  }
  return { bySeq, unlisted };
}
