import { ElMessage } from 'element-plus';
import { ApiError } from '../../api/http';
import { i18n } from '../../i18n';
import { showError } from '../../utils/errors';

const STATES = new Set(['measures_incomplete', 'extension_limit', 'extension_pending']);

/**
 * The workflow's own reasons for refusing a step, which the general "not allowed in this state" or
 * "no permission" texts cannot name. Null for every other failure.
 */
export function refusalKey(code: string, params: Record<string, string | number>): string | null {
  if (code === 'STATE_INVALID' && typeof params.state === 'string' && STATES.has(params.state)) return `rectification.errors.${params.state}`;
  if (code === 'FORBIDDEN' && params.reason === 'own_request') return 'rectification.errors.own_request';
  return null;
}

/** Shows why a workflow step failed, in the workflow's words when it has them. */
export function showRefusal(err: unknown): void {
  const key = err instanceof ApiError ? refusalKey(err.code, err.params) : null;
  if (key && err instanceof ApiError) ElMessage({ type: 'error', message: i18n.global.t(key, err.params), grouping: true, showClose: true });
  else showError(err);
}
