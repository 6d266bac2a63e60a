import type { ComplaintStatus, ReporterView } from '../../../../contracts/complaints';

/** The steps a reporter sees, in order: 提交 → 分办 → 交办 → 办理中 → 已答复 → 已评价 → 办结. */
export const steps = ['submitted', 'assigned', 'dispatched', 'in_progress', 'answered', 'rated', 'closed'] as const;
export type Step = (typeof steps)[number];

export type StepState = 'done' | 'current' | 'todo';

export interface StepView {
  step: Step;
  state: StepState;
  /** When the step was reached, for the steps the view dates. */
  at: string | null;
}

function reachedAt(view: ReporterView, step: Step): string | null {
  switch (step) {
    case 'submitted':
      return view.submittedAt;
    case 'assigned':
      return view.assignedAt;
    case 'dispatched':
      return view.dispatchedAt;
    case 'answered':
      return view.answeredAt;
    case 'rated':
      return view.ratings.at(-1)?.at ?? null;
    case 'closed':
      return view.closedAt;
    case 'in_progress':
      return null;
  }
}

/**
 * The step indicator for a status. A rejected complaint (不予受理) has no place on this line: the page shows
 * the rejection and its reason instead, so it gets no steps. 办结 is done, not current: nothing follows it.
 */
export function stepViews(view: ReporterView): StepView[] {
  const status: ComplaintStatus = view.status;
  if (status === 'rejected') return [];
  const current = steps.indexOf(status);
  return steps.map((step, i) => ({
    step,
    state: i < current || status === 'closed' ? 'done' : i === current ? 'current' : 'todo',
    at: i <= current ? reachedAt(view, step) : null,
  }));
}

/** 重办: the reporter was dissatisfied and the case went back to the handlers, so a second rating will follow. */
export function isRedone(view: ReporterView): boolean {
  const first = view.ratings.find((r) => r.round === 1);
  return first?.rating === 'dissatisfied' && view.ratings.length === 1 && view.status !== 'rated' && view.status !== 'closed';
}
