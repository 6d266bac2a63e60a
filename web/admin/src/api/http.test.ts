import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CSRF_HEADER, filenameFromDisposition, http, onSessionProblem } from './http';
import { errorMessage } from '../utils/errors';
import { setLocale } from '../i18n';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[] = [];

function respond(...answers: (Response | Error)[]): void {
  calls = [];
  const queue = [...answers];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const next = queue.shift();
      if (!next) throw new Error('unexpected request');
      if (next instanceof Error) throw next;
      return next;
    }),
  );
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

const header = (c: Call | undefined, name: string) => (c?.init.headers as Record<string, string> | undefined)?.[name];

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  onSessionProblem(null);
});

describe('http client', () => {
  it('sends the CSRF header and JSON on state-changing requests only', async () => {
    respond(json(200, { items: [] }), json(200, { ok: true }));
    await http.get('/api/orgs', { q: '党', empty: '', none: undefined });
    await http.patch('/api/orgs/1', { name: '办公室' });
    expect(calls[0]?.url).toBe('/api/orgs?q=%E5%85%9A');
    expect(header(calls[0], CSRF_HEADER)).toBeUndefined();
    expect(header(calls[1], CSRF_HEADER)).toBe('1');
    expect(header(calls[1], 'content-type')).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"name":"办公室"}');
  });

  it('maps the error envelope to a typed ApiError with code, params and request id', async () => {
    respond(json(423, { error: { code: 'ACCOUNT_LOCKED', params: { minutes: 30, junk: { x: 1 } }, requestId: 'req-1' } }));
    const err = await failure(http.post('/api/auth/login', { username: 'a', password: 'b' }));
    expect(err).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED', params: { minutes: 30 }, requestId: 'req-1' });
    expect(errorMessage(err)).toBe('登录失败次数过多，账号已锁定 30 分钟。如需提前解锁，请联系系统管理员。');
  });

  it('keeps an import row report as the error body', async () => {
    const report = { ok: false, created: 0, errors: [{ row: 3, column: 'idNumber', code: 'DUPLICATE' }] };
    respond(json(422, report));
    const err = await failure(http.upload('/api/people/import', new Blob(['x'])));
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.body).toEqual(report);
    expect(header(calls[0], 'content-type')).toBeUndefined();
    expect(calls[0]?.init.body).toBeInstanceOf(FormData);
  });

  it('turns an unreadable answer into BAD_RESPONSE and a dead network into NETWORK_ERROR', async () => {
    respond(new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }), new TypeError('Failed to fetch'));
    const bad = await failure(http.get('/api/health'));
    expect(bad).toMatchObject({ status: 502, code: 'BAD_RESPONSE', params: { status: 502 } });
    expect(errorMessage(bad)).not.toContain('bad gateway');
    const net = await failure(http.get('/api/health'));
    expect(net.code).toBe('NETWORK_ERROR');
  });

  it('retries a create after a lost answer with the same Idempotency-Key', async () => {
    respond(new TypeError('Failed to fetch'), json(201, { id: 'o1' }));
    await expect(http.create('/api/orgs', { name: '办公室' })).resolves.toEqual({ id: 'o1' });
    const keys = calls.map((c) => header(c, 'idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{8,128}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('uses a new key for each create and never retries a server refusal', async () => {
    respond(json(409, { error: { code: 'DUPLICATE', params: { field: 'username' } } }), json(201, { id: 'u2' }));
    const err = await failure(http.create('/api/users', { username: 'a' }));
    expect(errorMessage(err)).toBe('用户名已被使用');
    await http.create('/api/users', { username: 'b' });
    expect(calls).toHaveLength(2);
    expect(header(calls[1], 'idempotency-key')).not.toBe(header(calls[0], 'idempotency-key'));
  });

  it('reports 401 and sign-in obligations to the session handler, other errors not', async () => {
    const seen: string[] = [];
    onSessionProblem((e) => seen.push(e.code));
    respond(json(401, { error: { code: 'UNAUTHENTICATED' } }), json(403, { error: { code: 'MFA_REQUIRED' } }), json(403, { error: { code: 'FORBIDDEN' } }));
    for (let i = 0; i < 3; i++) await failure(http.get('/api/users'));
    expect(seen).toEqual(['UNAUTHENTICATED', 'MFA_REQUIRED']);
  });
});

describe('error messages', () => {
  it('pick the precise variant a parameter names, in the current language', () => {
    const policy = new ApiError(400, 'PASSWORD_POLICY', { rule: 'minLength', min: 10 });
    expect(errorMessage(policy)).toBe('新密码长度不能少于 10 位');
    setLocale('en-US');
    expect(errorMessage(policy)).toBe('The new password needs at least 10 characters');
    expect(errorMessage(new ApiError(409, 'CONFLICT', { reason: 'something-new' }))).toBe('This conflicts with the current data; refresh and try again');
  });

  it('add the request id to server failures and never echo unknown text', () => {
    expect(errorMessage(new ApiError(500, 'INTERNAL', {}, 'abc-123'))).toBe('服务器内部错误，请稍后重试（请求编号：abc-123）');
    expect(errorMessage(new Error('TypeError: x is undefined'))).toBe('页面出现异常，请刷新后重试');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name and falls back to the ASCII one', () => {
    expect(filenameFromDisposition(`attachment; filename="_____.xlsx"; filename*=UTF-8''${encodeURIComponent('人员名单.xlsx')}`, 'x.xlsx')).toBe('人员名单.xlsx');
    expect(filenameFromDisposition('attachment; filename="orgs.xlsx"', 'x.xlsx')).toBe('orgs.xlsx');
    expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
