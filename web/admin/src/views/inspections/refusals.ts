import { ElMessage } from 'element-plus';
import { ApiError } from '../../api/http';
import { i18n } from '../../i18n';
import { showError } from '../../utils/errors';

const CONFLICTS = new Set(['drawn_plan', 'not_a_target', 'results_incomplete', 'already_rectified', 'already_drawn', 'plan_has_draw']);
const STATES = new Set(['checklist_disabled', 'plan_completed', 'submitted']);
const FIELDS = new Set(['targetCount', 'inspectorsPerTarget', 'periodEnd']);

/**
 * The inspection rules' own reasons for refusing (a drawn plan keeps its targets, a record is submitted
 * only when complete …), which the general texts cannot name. Null for every other failure.
 */
export function refusalKey(code: string, params: Record<string, string | number>): string | null {
  if (code === 'CONFLICT' && typeof params.reason === 'string' && CONFLICTS.has(params.reason)) return `inspections.errors.${params.reason}`;
  if (code === 'STATE_INVALID' && typeof params.state === 'string' && STATES.has(params.state)) return `inspections.errors.${params.state}`;
  if (code === 'VALIDATION_FAILED' && typeof params.field === 'string' && FIELDS.has(params.field)) return `inspections.errors.${params.field}`;
  if (code === 'DUPLICATE' && params.field === 'code') return 'inspections.errors.duplicateCode';
  return null;
}

/** Shows why a step failed, in the inspection rules' words when they have them. */
export function showRefusal(err: unknown): void {
  const key = err instanceof ApiError ? refusalKey(err.code, err.params) : null;
  if (key && err instanceof ApiError) ElMessage({ type: 'error', message: i18n.global.t(key, err.params), grouping: true, showClose: true });
  else showError(err);
}
