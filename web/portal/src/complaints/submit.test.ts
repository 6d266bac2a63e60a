import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from '../api';
import { submitComplaint } from './submit';

const receipt = { code: 'TS-2026-0007', receiptCode: '1234567890123456', submittedAt: '2026-03-15T10:00:00+08:00' };

function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  return (init?.headers as Record<string, string> | undefined)?.[name];
}

afterEach(() => vi.unstubAllGlobals());

describe('submitting a complaint', () => {
  it('retries a lost answer with the same Idempotency-Key, the CSRF header and no credentials', async () => {
    const calls: RequestInit[] = [];
    let n = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(init);
        if (++n < 3) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify(receipt), { status: 201, headers: { 'content-type': 'application/json' } });
      }),
    );
    const form = new FormData();
    form.append('data', '{}');
    await expect(submitComplaint(form, 'key-0123456789', [0, 0])).resolves.toEqual(receipt);
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(c.method).toBe('POST');
      expect(c.credentials).toBe('omit');
      expect(c.body).toBe(form);
      expect(headerOf(c, 'idempotency-key')).toBe('key-0123456789');
      expect(headerOf(c, 'x-qingfeng-request')).toBe('1');
    }
  });

  it('gives up after the last retry and says the network failed', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetchMock);
    await expect(submitComplaint(new FormData(), 'key-0123456789', [0, 0])).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('does not retry an answer the server gave: a refusal is final', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', params: { path: '/content' } } }), { status: 400 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(submitComplaint(new FormData(), 'key-0123456789', [0, 0])).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400, params: { path: '/content' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('idempotency keys', () => {
  it('are fresh and acceptable to the server, also where randomUUID is missing (plain-HTTP intranet)', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    const fallback = newIdempotencyKey();
    vi.unstubAllGlobals();
    for (const k of [...keys, fallback]) expect(k).toMatch(/^[\x21-\x7e]{8,128}$/);
    expect(fallback).toMatch(/^[0-9a-f]{32}$/);
  });
});
