import type { ChecklistCategory, InspectionKind, PlanStatus, ResultValue } from '../../api/inspections';

type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const kindOrder: readonly InspectionKind[] = ['routine', 'random_check', 'unannounced_visit'];
export const planStatusOrder: readonly PlanStatus[] = ['draft', 'active', 'completed'];
export const categoryOrder: readonly ChecklistCategory[] = ['eight_rules', 'three_major', 'three_public', 'custom'];
export const resultOrder: readonly ResultValue[] = ['pass', 'fail', 'na'];

export const kindTag: Record<InspectionKind, Tone> = { routine: 'primary', random_check: 'warning', unannounced_visit: 'danger' };
export const planStatusTag: Record<PlanStatus, Tone> = { draft: 'info', active: 'primary', completed: 'success' };
export const resultTag: Record<ResultValue, Tone> = { pass: 'success', fail: 'danger', na: 'info' };

/** A plan moves one way: 草拟 → 实施中 → 已完成. Null once it is completed. */
export function nextPlanStatus(status: PlanStatus): PlanStatus | null {
  const i = planStatusOrder.indexOf(status);
  return planStatusOrder[i + 1] ?? null;
}

/** A random check (双随机) picks its targets by a draw unless the user says otherwise; other kinds by hand. */
export function defaultPickMode(kind: InspectionKind): 'hand' | 'draw' {
  return kind === 'random_check' ? 'draw' : 'hand';
}
