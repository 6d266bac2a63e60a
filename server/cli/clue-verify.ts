import { loadConfig } from '../config.js';
import { cluesToCheck } from '../modules/clues/steps/steps.repo.js';
import { verifyClueSteps } from '../modules/clues/steps/steps.verify.js';
import { createGmCrypto } from '../platform/crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../platform/crypto/keyring.js';
import { openDatabase } from '../platform/db/database.js';
import { t } from '../platform/i18n/i18n.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { cliLocale } from './say.js';
import { resolveTenant } from './tenant-arg.js';

const text = (key: string, params: Record<string, string | number> = {}) => t(cliLocale, `clue-steps.cli.${key}`, params);
const say = (key: string, params: Record<string, string | number> = {}) => process.stdout.write(`${text(key, params)}\n`);

/**
 * `qingfeng clue verify [--tenant <code>] [--clue <code>]`: checks the signed step log of every clue of a
 * tenant (or one), with the keys of this installation, and names each broken log and what broke in it.
 * Exit 0 when all verify, 1 when one does not, 2 for a bad argument. Reads only.
 */
export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { tenant: { type: 'string' }, clue: { type: 'string' } });
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const db = database.db;
    const tenant = await resolveTenant(db, values.tenant);
    const keys = new KeyRing(loadKeyMaterial(config.dataDir));
    const { wrapped_key } = await db.selectFrom('tenant').select('wrapped_key').where('id', '=', tenant.id).executeTakeFirstOrThrow();
    keys.addTenant(tenant.id, wrapped_key);
    const deps = { crypto: createGmCrypto(keys), keys };
    const clues = await cluesToCheck(db, tenant.id, values.clue);
    if (values.clue && !clues.length) throw new CliError(2, text('unknownClue', { tenant: tenant.code, code: values.clue }));
    let broken = 0;
    let steps = 0;
    for (const clue of clues) {
      const v = await verifyClueSteps(db, deps, tenant.id, clue.id);
      steps += v.steps;
      if (v.ok) continue;
      broken += 1;
      say('broken', { code: clue.code, problems: v.problems.map((p) => text(`problems.${p.kind}`, { seq: p.seq })).join('; ') });
    }
    say(broken ? 'someBroken' : 'allOk', { tenant: tenant.code, clues: clues.length, steps, broken });
    return broken ? 1 : 0;
  } finally {
    await database.close();
  }
}
