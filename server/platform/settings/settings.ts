import { Value } from 'typebox/value';
import { defaultSettings, settingDefs, type SettingKey, type Settings } from '../../../contracts/settings.js';
import type { Ctx, Db, Tx } from '../context.js';
import { nowIso } from '../clock/clock.js';
import { writeAudit } from '../audit/audit.js';
import { transact } from '../db/transact.js';
import { AppError } from '../http/errors.js';

/**
 * Settings are read on hot paths (every login, every session check), so each process keeps them for a
 * few seconds; a change made through another process reaches this one within that time. The tests turn
 * the cache off (QINGFENG_CACHE_TTL_MS=0) so that a read on the wrong connection always shows.
 */
const ttlMs = () => Number(process.env.QINGFENG_CACHE_TTL_MS ?? 5000);
const cache = new Map<string, { at: number; value: Settings }>();

export async function loadSettings(db: Db | Tx, tenantId: string): Promise<Settings> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < ttlMs()) return hit.value;
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('tenant_id', '=', tenantId).execute();
  const value = defaultSettings();
  for (const r of rows) {
    const k = r.key as SettingKey;
    if (!(k in settingDefs)) continue;
    const parsed: unknown = JSON.parse(r.value);
    if (Value.Check(settingDefs[k].schema, parsed)) (value as Record<string, unknown>)[k] = parsed;
  }
  cache.set(tenantId, { at: Date.now(), value });
  return value;
}

export function forgetSettings(tenantId: string): void {
  cache.delete(tenantId);
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(settingDefs, key);
}

export async function updateSetting(ctx: Ctx, key: SettingKey, value: unknown): Promise<void> {
  if (!Value.Check(settingDefs[key].schema, value)) throw new AppError('SETTING_INVALID', { key });
  const at = nowIso(ctx.deps.clock);
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  await transact(ctx, async (tx) => {
    await tx
      .insertInto('setting')
      .values({ tenant_id: ctx.tenantId, key, value: JSON.stringify(value), updated_at: at, updated_by: by })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: by }))
      .execute();
    await writeAudit(tx, ctx, { action: 'setting.update', objectType: 'setting', objectId: key, details: { key, value } });
  });
  forgetSettings(ctx.tenantId);
}
