import { expect, request, type APIRequestContext, type APIResponse } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts.js';

/**
 * A signed-in API client for preparing data a spec is not about (the web app sends the same CSRF header).
 * Sessions are per client, so a spec may hold several users at once.
 */
export async function apiAs(baseURL: string, username: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-qingfeng-request': '1' } });
  const res = await api.post('/api/auth/login', { data: { username, password } });
  await expectOk(res);
  return api;
}

export async function expectOk(res: APIResponse): Promise<void> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
}

export async function json<T>(res: APIResponse | Promise<APIResponse>): Promise<T> {
  const r = await res;
  await expectOk(r);
  return (await r.json()) as T;
}

export interface OrgRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
}

export async function orgByName(api: APIRequestContext, name: string): Promise<OrgRow> {
  const { items } = await json<{ items: OrgRow[] }>(api.get('/api/orgs'));
  const org = items.find((o) => o.name === name);
  if (!org) throw new Error(`no org named ${name}`);
  return org;
}

export async function roleId(api: APIRequestContext, code: string): Promise<string> {
  const { items } = await json<{ items: { id: string; code: string }[] }>(api.get('/api/roles'));
  const role = items.find((r) => r.code === code);
  if (!role) throw new Error(`no role ${code}`);
  return role.id;
}

/** As a 系统管理员: a new account and its one-time initial password. */
export async function createUser(admin: APIRequestContext, input: { username: string; displayName: string; kind: 'business' | 'system' | 'security' | 'audit'; personId?: string }) {
  return json<{ user: { id: string; username: string }; initialPassword: string }>(admin.post('/api/users', { data: input }));
}
