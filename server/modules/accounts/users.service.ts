import type { CreateUser, UpdateUser, User, UserQuery } from '../../../contracts/accounts.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx } from '../../platform/context.js';
import { generateInitialPassword, insertAccount } from '../../platform/auth/account-store.js';
import { hashPassword } from '../../platform/auth/password.js';
import { revokeUserSessions } from '../../platform/auth/session.js';
import { userThrottleKey } from '../../platform/auth/throttle.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { personExists } from '../people/people.lookup.js';
import * as repo from './users.repo.js';

async function present(ctx: Ctx, rows: repo.UserRow[]): Promise<User[]> {
  const roles = await repo.rolesOfUsers(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  const keyOf = (r: repo.UserRow) => userThrottleKey(ctx.deps, ctx.tenantId, r.username_norm);
  const locked = await repo.lockedKeys(ctx.deps.db, rows.map(keyOf), nowIso(ctx.deps.clock));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    personId: r.person_id,
    personName: r.person_name,
    kind: r.kind,
    status: r.status,
    mfaEnrolled: !!r.mfa_enrolled_at,
    locked: locked.has(keyOf(r)),
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ code: x.code, nameZh: x.name_zh, nameEn: x.name_en })),
  }));
}

export async function listUsers(ctx: Ctx, q: UserQuery): Promise<Page<User>> {
  const r = await repo.searchUsers(ctx.deps.db, ctx.tenantId, q);
  return { items: await present(ctx, r.rows), total: r.total, page: r.page, pageSize: r.pageSize };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await repo.findUser(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('user');
  return (await present(ctx, [row]))[0]!;
}

async function checkPerson(ctx: Ctx, personId: string | null | undefined): Promise<void> {
  if (personId && !(await personExists(ctx.deps.db, ctx.tenantId, personId))) throw notFound('person');
}

/** A new account starts with a generated password shown once, to be changed at first sign-in. */
export async function createUser(ctx: Ctx, input: CreateUser): Promise<{ user: User; initialPassword: string }> {
  await checkPerson(ctx, input.personId);
  const initialPassword = generateInitialPassword(ctx.deps);
  const id = await transact(ctx, async (tx) => {
    const userId = await insertAccount(tx, ctx.deps, ctx.tenantId, {
      username: input.username, displayName: input.displayName, personId: input.personId ?? null, kind: input.kind, password: initialPassword, mustChangePassword: true,
    });
    await writeAudit(tx, ctx, { action: 'user.create', objectType: 'user_account', objectId: userId, details: { kind: input.kind } });
    return userId;
  });
  return { user: await getUser(ctx, id), initialPassword };
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUser): Promise<User> {
  await checkPerson(ctx, input.personId);
  await transact(ctx, async (tx) => {
    if (!(await repo.findUser(tx, ctx.tenantId, id))) throw notFound('user');
    await repo.updateUserRow(tx, ctx.tenantId, id, {
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.personId !== undefined && { person_id: input.personId }),
      updated_at: nowIso(ctx.deps.clock),
    });
    await writeAudit(tx, ctx, { action: 'user.update', objectType: 'user_account', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getUser(ctx, id);
}

function notSelf(ctx: Ctx, id: string): void {
  if (ctx.actor.kind === 'user' && ctx.actor.userId === id) throw new AppError('CONFLICT', { reason: 'self' });
}

export async function setUserStatus(ctx: Ctx, id: string, status: 'active' | 'disabled'): Promise<User> {
  notSelf(ctx, id);
  await transact(ctx, async (tx) => {
    if (!(await repo.findUser(tx, ctx.tenantId, id))) throw notFound('user');
    await repo.updateUserRow(tx, ctx.tenantId, id, { status, updated_at: nowIso(ctx.deps.clock) });
    if (status === 'disabled') await revokeUserSessions(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: status === 'disabled' ? 'user.disable' : 'user.enable', objectType: 'user_account', objectId: id });
  });
  return getUser(ctx, id);
}

export async function resetUserPassword(ctx: Ctx, id: string): Promise<{ user: User; initialPassword: string }> {
  notSelf(ctx, id);
  const initialPassword = generateInitialPassword(ctx.deps);
  const hash = await hashPassword(initialPassword, ctx.deps.config.passwordHashing);
  await transact(ctx, async (tx) => {
    if (!(await repo.findUser(tx, ctx.tenantId, id))) throw notFound('user');
    const at = nowIso(ctx.deps.clock);
    await repo.updateUserRow(tx, ctx.tenantId, id, { password_hash: hash, password_changed_at: at, must_change_password: 1, updated_at: at });
    await tx.insertInto('password_history').values({ tenant_id: ctx.tenantId, id: newId(), user_id: id, hash, created_at: at }).execute();
    await revokeUserSessions(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'user.reset_password', objectType: 'user_account', objectId: id });
  });
  return { user: await getUser(ctx, id), initialPassword };
}

export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  await transact(ctx, async (tx) => {
    const row = await repo.findUser(tx, ctx.tenantId, id);
    if (!row) throw notFound('user');
    await tx.deleteFrom('login_throttle').where('key', '=', userThrottleKey(ctx.deps, ctx.tenantId, row.username_norm)).execute();
    await writeAudit(tx, ctx, { action: 'user.unlock', objectType: 'user_account', objectId: id });
  });
  return getUser(ctx, id);
}

/** For a lost authenticator: the account enrols again at its next sign-in. */
export async function resetUserMfa(ctx: Ctx, id: string): Promise<User> {
  notSelf(ctx, id);
  await transact(ctx, async (tx) => {
    if (!(await repo.findUser(tx, ctx.tenantId, id))) throw notFound('user');
    await repo.updateUserRow(tx, ctx.tenantId, id, { mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null, updated_at: nowIso(ctx.deps.clock) });
    await tx.deleteFrom('mfa_recovery_code').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', id).execute();
    await revokeUserSessions(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'user.reset_mfa', objectType: 'user_account', objectId: id });
  });
  return getUser(ctx, id);
}

export async function exportUsers(ctx: Ctx, q: UserQuery, locale: Locale): Promise<Buffer> {
  const all = await listUsers(ctx, { ...q, page: 1, pageSize: 100000 });
  return writeWorkbook<User>(t(locale, 'accounts.users.sheet'), [
    { header: t(locale, 'accounts.users.username'), value: (u) => u.username },
    { header: t(locale, 'accounts.users.displayName'), value: (u) => u.displayName },
    { header: t(locale, 'accounts.users.person'), value: (u) => u.personName },
    { header: t(locale, 'accounts.users.kind'), value: (u) => t(locale, `accounts.kinds.${u.kind}`) },
    { header: t(locale, 'accounts.users.roles'), value: (u) => u.roles.map((r) => (locale === 'zh-CN' ? r.nameZh : r.nameEn)).join('、'), width: 30 },
    { header: t(locale, 'accounts.users.status'), value: (u) => t(locale, `accounts.statuses.${u.status}`) },
    { header: t(locale, 'accounts.users.mfa'), value: (u) => t(locale, u.mfaEnrolled ? 'accounts.yes' : 'accounts.no') },
    { header: t(locale, 'accounts.users.lastLogin'), value: (u) => u.lastLoginAt, width: 28 },
  ], all.items);
}
