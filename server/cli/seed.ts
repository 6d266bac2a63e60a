import { DEMO_PASSWORD } from '../seed/demo-plan.js';
import { DEMO_HOST, DEMO_TENANT_CODE, DEMO_TENANT_NAME, seedDemo } from '../seed/demo-seed.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { withApp } from './open-app.js';
import { msg, say } from './say.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { force: { type: 'boolean' } });
  return withApp(async (app) => {
    const tenants = await app.deps.db.selectFrom('tenant').select(['code', 'is_demo', 'is_default']).execute();
    const real = tenants.filter((t) => !t.is_demo && t.code !== DEMO_TENANT_CODE);
    if (real.length && !values.force) throw new CliError(1, msg('seedRefused', { codes: real.map((t) => t.code).join(', ') }));
    const makeDefault = !tenants.some((t) => t.is_default);
    const { created } = await seedDemo(app.deps, { makeDefault });
    say('seedDone', { tenant: DEMO_TENANT_NAME, ...created });
    say('seedPassword', { password: DEMO_PASSWORD });
    const demo = await app.deps.db.selectFrom('tenant').select('is_default').where('code', '=', DEMO_TENANT_CODE).executeTakeFirstOrThrow();
    if (!demo.is_default) say('seedHost', { host: DEMO_HOST, port: app.deps.config.port });
    return 0;
  });
}
