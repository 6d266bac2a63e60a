import { ElMessage } from 'element-plus';
import { ApiError } from '../../api/http';
import { i18n } from '../../i18n';
import { showError } from '../../utils/errors';

/**
 * The workflow's own reasons for refusing a step (a second extension while one waits, a recused handler,
 * …), which the general "not allowed in this state" or "no permission" texts cannot name: the key under
 * `complaints.errors` for the reason the server gave, or null for every other failure.
 */
export function refusalKey(code: string, params: Record<string, string | number>, known: (key: string) => boolean): string | null {
  const reason = code === 'STATE_INVALID' ? params.state : code === 'FORBIDDEN' || code === 'CONFLICT' ? params.reason : undefined;
  if (typeof reason !== 'string') return null;
  const key = `complaints.errors.${reason}`;
  return known(key) ? key : null;
}

/** Shows why a step failed, in the workflow's words when it has them. */
export function showRefusal(err: unknown): void {
  const { t, te } = i18n.global;
  const key = err instanceof ApiError ? refusalKey(err.code, err.params, (k) => te(k)) : null;
  if (key && err instanceof ApiError) ElMessage({ type: 'error', message: t(key, err.params), grouping: true, showClose: true });
  else showError(err);
}
