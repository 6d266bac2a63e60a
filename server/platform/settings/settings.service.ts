import type { Static } from 'typebox';
import type { SettingItem } from '../../../contracts/system.js';
import { settingDefs, settingKeys, type SettingKey } from '../../../contracts/settings.js';
import type { Permission } from '../../../contracts/permissions.js';
import type { Ctx } from '../context.js';
import { can } from '../access/scope.js';
import { forbidden, notFound } from '../http/errors.js';
import { forgetSettings, isSettingKey, loadSettings, updateSetting } from './settings.js';

type Item = Static<typeof SettingItem>;

/** 三员分立: the system administrator edits system settings, the security administrator the security policy. */
const editedWith: Record<'system' | 'security', Permission> = { system: 'setting:manage', security: 'security_policy:manage' };

function mayEdit(ctx: Ctx, key: SettingKey): boolean {
  return can(ctx.actor, editedWith[settingDefs[key].kind]);
}

/** The routes need one of two permissions, so the check lives here and the route only requires a session. */
function requireEither(ctx: Ctx): void {
  if (!can(ctx.actor, 'setting:manage') && !can(ctx.actor, 'security_policy:manage')) throw forbidden();
}

async function present(ctx: Ctx, keys: SettingKey[]): Promise<Item[]> {
  forgetSettings(ctx.tenantId);
  const values = await loadSettings(ctx.deps.db, ctx.tenantId);
  return keys.map((key) => ({ key, kind: settingDefs[key].kind, value: values[key], defaultValue: settingDefs[key].default }));
}

export async function listSettings(ctx: Ctx): Promise<Item[]> {
  requireEither(ctx);
  return present(ctx, settingKeys.filter((k) => mayEdit(ctx, k)));
}

export async function changeSetting(ctx: Ctx, key: string, value: unknown): Promise<Item> {
  requireEither(ctx);
  if (!isSettingKey(key)) throw notFound('setting');
  if (!mayEdit(ctx, key)) throw forbidden();
  await updateSetting(ctx, key, value);
  const [item] = await present(ctx, [key]);
  return item!;
}
