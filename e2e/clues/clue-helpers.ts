import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { NEW_PASSWORD } from '../support/accounts.js';
import { apiAs, createUser, expectOk, json, orgByName, roleId } from '../support/api.js';
import { choose } from '../support/ui.js';

/** The accused unit of every clue spec: none of jijian, jijian2, secretary or baoguan sits on its chain below the bureau. */
export const REPORTED_ORG = '巡查一中队';

/** Words that would tell a reporter (or anyone outside the clue) that a disciplinary body is involved. */
export const DISCIPLINE_WORDS = ['纪检', '纪委', '监察', '问题线索', '线索'];

export interface ClueRef {
  id: string;
  code: string;
}

export interface Account {
  userId: string;
  username: string;
  /** As the pages show the account (access list, step log, member pickers). */
  displayName: string;
  personId: string | null;
}

export async function account(baseURL: string, username: string, password?: string): Promise<Account> {
  const api = await apiAs(baseURL, username, password);
  const me = await json<Account>(api.get('/api/auth/me'));
  await api.dispose();
  return { userId: me.userId, username: me.username, displayName: me.displayName, personId: me.personId };
}

/** People of the accused unit (primary org), in directory order. */
export async function peopleOf(api: APIRequestContext, orgName: string): Promise<{ id: string; name: string }[]> {
  const org = await orgByName(api, orgName);
  const { items } = await json<{ items: { id: string; name: string; primaryOrgId: string }[] }>(api.get('/api/people', { params: { orgId: org.id, status: 'active', pageSize: 100 } }));
  return items.filter((p) => p.primaryOrgId === org.id);
}

/**
 * A business account for a person of the directory with one tenant-wide role, created by the 系统管理员 and
 * granted by the 安全保密管理员 as in production, its initial password already changed to NEW_PASSWORD, so the
 * browser signs in straight to the dashboard.
 */
export async function accountFor(baseURL: string, input: { username: string; displayName: string; personId: string; role: string }): Promise<void> {
  const admin = await apiAs(baseURL, 'admin');
  const { user, initialPassword } = await createUser(admin, { username: input.username, displayName: input.displayName, kind: 'business', personId: input.personId });
  await admin.dispose();
  const secadmin = await apiAs(baseURL, 'secadmin');
  await json(secadmin.post('/api/assignments', { data: { userId: user.id, roleId: await roleId(secadmin, input.role), scopeKind: 'tenant' } }));
  await secadmin.dispose();
  const self = await apiAs(baseURL, input.username, initialPassword);
  await expectOk(await self.post('/api/auth/password', { data: { currentPassword: initialPassword, newPassword: NEW_PASSWORD } }));
  await self.dispose();
}

/** The clue page's header status tag. */
export function clueStatus(page: Page): Locator {
  return page.locator('[data-test=clue-head] [data-test=clue-status]');
}

/**
 * One step of the clue taken through its header button and the generic step dialog: `fill` enters the
 * fields, then 确认 and the clue shows its next status.
 */
export async function clueStep(page: Page, action: string, fill: (dialog: Locator) => Promise<void>, status: string, opts: { shot?: () => Promise<void> } = {}): Promise<void> {
  await page.locator(`[data-test=clue-action-${action}]`).click();
  const dialog = page.locator(`[data-test=clue-form-${action}]`);
  await expect(dialog).toBeVisible();
  await fill(dialog);
  if (opts.shot) await opts.shot();
  await dialog.locator('[data-test=clue-form-confirm]').click();
  await expect(dialog).toBeHidden();
  await expect(clueStatus(page)).toHaveText(status);
}

/** A free-text field of the step dialog (el-input hands its data-test to the native input or textarea). */
export function field(dialog: Locator, name: string): Locator {
  return dialog.locator(`[data-test=input-${name}]`);
}

/** Picks the clue's list members into the rows of an accounts field (参会人员, 谈话人), adding rows as needed. */
export async function pickMembers(page: Page, dialog: Locator, name: string, members: { name: string; opinion?: string }[]): Promise<void> {
  const rows = dialog.locator(`[data-test=input-${name}-row]`);
  for (const [i, m] of members.entries()) {
    if ((await rows.count()) <= i) await dialog.locator(`[data-test=input-${name}-add]`).click();
    const row = rows.nth(i);
    await choose(page, row.locator(`[data-test=input-${name}-account]`), m.name);
    if (m.opinion) await row.locator(`[data-test=input-${name}-opinion]`).fill(m.opinion);
  }
}
