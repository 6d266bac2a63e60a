import { systemCtx } from '../platform/context.js';
import { generateBenchPeople } from '../seed/bench-people.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { withApp } from './open-app.js';
import { msg, say } from './say.js';
import { resolveTenant } from './tenant-arg.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { people: { type: 'string' }, tenant: { type: 'string' } });
  const count = Number(values.people);
  if (!values.people || !Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw new CliError(2, msg('invalidValue', { name: '--people', value: values.people ?? '' }));
  }
  return withApp(async (app) => {
    const tenant = await resolveTenant(app.deps.db, values.tenant);
    const result = await generateBenchPeople(systemCtx(app.deps, tenant.id), count);
    if (!result) throw new CliError(1, msg('benchNoOrgs', { code: tenant.code }));
    const seconds = result.ms / 1000;
    say('benchDone', { code: tenant.code, people: result.people, seconds: seconds.toFixed(1), rate: Math.round(result.people / Math.max(seconds, 0.001)) });
    return 0;
  });
}
