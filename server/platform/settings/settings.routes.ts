import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SettingItem, SettingKeyParams, SettingList, UpdateSetting } from '../../../contracts/system.js';
import * as svc from './settings.service.js';

const tags = ['system'];

/**
 * No `permission` in the config: a system setting needs setting:manage and a security setting
 * security_policy:manage, so the service decides per key (the guard still requires a session).
 */
export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, response: { 200: SettingList } } }, async (req) => ({ items: await svc.listSettings(req.ctx) }));

  app.put(
    '/:key',
    { config: { audit: 'setting.update' }, schema: { tags, params: SettingKeyParams, body: UpdateSetting, response: { 200: SettingItem } } },
    async (req) => svc.changeSetting(req.ctx, req.params.key, req.body.value),
  );
};
