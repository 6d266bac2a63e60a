import { ElMessage } from 'element-plus';
import { ApiError } from '../../../api/http';
import { i18n } from '../../../i18n';
import { errorMessage, showError } from '../../../utils/errors';

/**
 * A refusal in the clue's own words where the page has them (`clue-detail.errors.<CODE>`: a recused account,
 * an identity view without a live grant, a step the clue's state no longer allows), else the app's message.
 */
export function clueErrorMessage(err: unknown): string {
  const { t, te } = i18n.global;
  const key = err instanceof ApiError ? `clue-detail.errors.${err.code}` : '';
  return key && te(key) ? t(key, err instanceof ApiError ? err.params : {}) : errorMessage(err);
}

export function showClueError(err: unknown): void {
  const { te } = i18n.global;
  if (err instanceof ApiError && te(`clue-detail.errors.${err.code}`)) ElMessage({ type: 'error', message: clueErrorMessage(err), grouping: true, showClose: true });
  else showError(err);
}
