import { reactive } from 'vue';

export interface ConfirmOptions {
  title: string;
  message: string;
  /** danger paints the confirm button red: deletes, disables, resets. */
  tone?: 'danger' | 'warning' | 'primary';
  confirmText?: string;
  /** Ask for a stated reason (e.g. before revealing sensitive data). */
  reason?: { label: string; placeholder?: string; minLength: number; maxLength: number };
}

interface ConfirmState extends ConfirmOptions {
  open: boolean;
  reasonText: string;
  resolve: ((reason: string | null) => void) | null;
}

/** One confirmation dialog for the whole app, rendered by ConfirmHost with stable test selectors. */
export const confirmState = reactive<ConfirmState>({ open: false, title: '', message: '', reasonText: '', resolve: null });

function ask(opts: ConfirmOptions): Promise<string | null> {
  confirmState.resolve?.(null);
  return new Promise((resolve) => {
    Object.assign(confirmState, { tone: 'primary', confirmText: undefined, reason: undefined }, opts, { open: true, reasonText: '', resolve });
  });
}

export async function confirmAction(opts: ConfirmOptions): Promise<boolean> {
  return (await ask(opts)) !== null;
}

/** Resolves to the trimmed reason, or null when cancelled. */
export function askReason(opts: ConfirmOptions & { reason: NonNullable<ConfirmOptions['reason']> }): Promise<string | null> {
  return ask(opts);
}

export function settleConfirm(ok: boolean): void {
  const resolve = confirmState.resolve;
  confirmState.resolve = null;
  confirmState.open = false;
  resolve?.(ok ? confirmState.reasonText.trim() : null);
}
