import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSession, hasSession, loadView, logout, openSession, rate, sendMessage, sessionEndsAt } from './reporter-session';

type Call = { url: string; init: RequestInit };
const TOKEN = 'A'.repeat(43);

function serve(answers: Record<string, () => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const answer = answers[url];
      if (!answer) throw new TypeError('Failed to fetch');
      return answer();
    }),
  );
  return calls;
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

beforeEach(() => {
  forgetSession();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the reporter session', () => {
  it('sends the code once, then only the token, and keeps the token out of storage, cookies and the URL', async () => {
    const calls = serve({
      '/api/portal/complaints/session': json({ token: TOKEN, expiresAt: '2026-03-15T10:20:00+08:00' }),
      '/api/portal/complaints/mine': json({ status: 'submitted' }),
      '/api/portal/complaints/mine/messages': json({ status: 'submitted' }),
      '/api/portal/complaints/mine/rating': json({ status: 'rated' }),
    });
    expect(hasSession()).toBe(false);
    expect(sessionEndsAt()).toBeNull();
    await openSession('1234567890123456', 'cGF5bG9hZA==');
    expect(hasSession()).toBe(true);
    expect(sessionEndsAt()).toBe('2026-03-15T10:20:00+08:00');
    await loadView();
    await sendMessage('补充一张收据');
    await rate('basically_satisfied', '');

    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ receiptCode: '1234567890123456', captcha: 'cGF5bG9hZA==' });
    expect(header(calls[0]!, 'x-qingfeng-request')).toBe('1');
    for (const c of calls.slice(1)) {
      expect(header(c, 'x-reporter-session')).toBe(TOKEN);
      expect(String(c.init.body ?? '')).not.toContain('1234567890123456');
      expect(c.url).not.toContain(TOKEN);
    }
    expect(calls[1]!.init.method).toBe('GET');
    expect(JSON.parse(calls[2]!.init.body as string)).toEqual({ body: '补充一张收据' });
    expect(JSON.parse(calls[3]!.init.body as string)).toEqual({ rating: 'basically_satisfied' });
    for (const c of calls) expect(c.init.credentials).toBe('omit');
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(location.href).not.toContain(TOKEN);
  });

  it('forgets the token when the server says the session ended', async () => {
    serve({
      '/api/portal/complaints/session': json({ token: TOKEN, expiresAt: '2026-03-15T10:20:00+08:00' }),
      '/api/portal/complaints/mine': json({ error: { code: 'SESSION_EXPIRED' } }, 401),
    });
    await openSession('1234567890123456', 'cGF5bG9hZA==');
    await expect(loadView()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(hasSession()).toBe(false);
  });

  it('keeps the token through other failures, so a retry still works', async () => {
    serve({
      '/api/portal/complaints/session': json({ token: TOKEN, expiresAt: '2026-03-15T10:20:00+08:00' }),
      '/api/portal/complaints/mine/messages': json({ error: { code: 'VALIDATION_FAILED' } }, 400),
    });
    await openSession('1234567890123456', 'cGF5bG9hZA==');
    await expect(sendMessage('x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(loadView()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(hasSession()).toBe(true);
  });

  it('logs out on the server and forgets the token even when that call fails', async () => {
    const calls = serve({ '/api/portal/complaints/session': json({ token: TOKEN, expiresAt: '2026-03-15T10:20:00+08:00' }) });
    await openSession('1234567890123456', 'cGF5bG9hZA==');
    await logout();
    expect(calls.at(-1)!.url).toBe('/api/portal/complaints/mine/logout');
    expect(header(calls.at(-1)!, 'x-reporter-session')).toBe(TOKEN);
    expect(hasSession()).toBe(false);
    expect(sessionEndsAt()).toBeNull();
    await expect(loadView()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });
});
