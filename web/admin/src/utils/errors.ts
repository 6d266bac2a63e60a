import { ElMessage } from 'element-plus';
import { ApiError } from '../api/http';
import { i18n } from '../i18n';

/**
 * Codes whose parameter picks a more precise message (`errors.details.<CODE>.<value>`), e.g.
 * PASSWORD_POLICY {rule: 'minLength', min: 8} → "密码至少 8 位".
 */
const DETAIL_PARAM: Record<string, string> = {
  PASSWORD_POLICY: 'rule',
  NOT_FOUND: 'what',
  CONFLICT: 'reason',
  DUPLICATE: 'field',
  IMPORT_INVALID: 'reason',
  VALIDATION_FAILED: 'reason',
};

/** Codes whose message can name a limit when the server sends it (`errors.details.<CODE>.<param>`). */
const LIMIT_PARAM: Record<string, string> = {
  PASSWORD_REUSED: 'count',
  RATE_LIMITED: 'retryAfter',
  FILE_TOO_LARGE: 'maxMegabytes',
};

/** Codes the router answers by navigating (login, MFA, password change); a toast would only add noise. */
const ROUTED = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'MFA_REQUIRED', 'PASSWORD_CHANGE_REQUIRED']);

/** The translated, parameter-filled message for any failure; never the server's or the runtime's prose. */
export function errorMessage(err: unknown): string {
  const { t, te } = i18n.global;
  if (!(err instanceof ApiError)) return t('errors.UNEXPECTED');
  const params = err.params;
  const detailParam = DETAIL_PARAM[err.code];
  const detailValue = detailParam ? params[detailParam] : undefined;
  const limitParam = LIMIT_PARAM[err.code];
  let detailKey = '';
  if (detailValue !== undefined) detailKey = `errors.details.${err.code}.${detailValue}`;
  else if (limitParam && params[limitParam] !== undefined) detailKey = `errors.details.${err.code}.${limitParam}`;
  let text: string;
  if (detailKey && te(detailKey)) text = t(detailKey, params);
  else if (te(`errors.${err.code}`)) text = t(`errors.${err.code}`, params);
  else text = t('errors.UNKNOWN', { code: err.code });
  if (err.status >= 500 && err.requestId) text = t('errors.withRequestId', { message: text, requestId: err.requestId });
  return text;
}

function isRouted(err: unknown): boolean {
  return err instanceof ApiError && ROUTED.has(err.code);
}

/** Shows a failure as a toast, unless the router is already taking the user elsewhere. */
export function showError(err: unknown): void {
  if (isRouted(err)) return;
  if (!(err instanceof ApiError)) console.error(err);
  ElMessage({ type: 'error', message: errorMessage(err), grouping: true, showClose: true });
}
