import { ElMessage } from 'element-plus';
import { i18n } from '../i18n';

/** Copies text; the async clipboard needs a secure context, so plain-HTTP intranets use a hidden textarea. */
export async function copyText(text: string): Promise<void> {
  const { t } = i18n.global;
  try {
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
    else {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      if (!ok) throw new Error('copy refused');
    }
    ElMessage({ type: 'success', message: t('common.copied'), grouping: true });
  } catch {
    ElMessage({ type: 'warning', message: t('common.copyFailed'), grouping: true });
  }
}
