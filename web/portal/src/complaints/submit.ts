import type { Static } from 'typebox';
import type { Receipt } from '../../../../contracts/complaints';
import { call, PortalError } from '../api';

export type ReceiptData = Static<typeof Receipt>;

const RETRY_DELAYS_MS = [1000, 3000];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a complaint. A lost answer (network error) is retried with the same Idempotency-Key: if the first
 * attempt reached the server, the retry gets its stored receipt instead of filing the complaint twice.
 */
export async function submitComplaint(form: FormData, idempotencyKey: string, delays: readonly number[] = RETRY_DELAYS_MS): Promise<ReceiptData> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call<ReceiptData>('/api/portal/complaints', { form, headers: { 'idempotency-key': idempotencyKey } });
    } catch (err) {
      const delay = delays[attempt];
      if (!(err instanceof PortalError) || err.code !== 'NETWORK_ERROR' || delay === undefined) throw err;
      await wait(delay);
    }
  }
}
