import crypto from 'node:crypto';
import fs from 'node:fs';
import { Value } from 'typebox/value';
import { verifyDraw } from '../../contracts/draw-algorithm.js';
import { RandomDraw } from '../../contracts/inspections.js';
import { t } from '../platform/i18n/i18n.js';
import { parse } from './args.js';
import { CliError } from './cli-error.js';
import { cliLocale } from './say.js';

/** Public verification needs no keys and no database: plain SM3, as anyone holding the file would use it. */
const sm3 = (text: string) => crypto.createHash('sm3').update(text, 'utf8').digest('hex');

const text = (key: string, params: Record<string, string | number> = {}) => t(cliLocale, `inspections.drawVerify.${key}`, params);
const say = (key: string, params: Record<string, string | number> = {}) => process.stdout.write(`${text(key, params)}\n`);

function readDraw(file: string): RandomDraw {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(2, text('unreadable', { file, reason: (e as Error).message }));
  }
  if (!Value.Check(RandomDraw, parsed) || parsed.status !== 'drawn' || !parsed.seed || !parsed.selection) throw new CliError(2, text('notDrawn', { file }));
  return parsed;
}

/**
 * `qingfeng draw verify <file.json>`: recomputes a published draw (as GET /api/inspection-draws/:id returns
 * it) offline with the published algorithm. Exit 0 when commitment and selection match, 1 when either does
 * not, 2 when the file is not a drawn draw.
 */
export async function run(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const file = positionals[0];
  if (!file) throw new CliError(2, text('usage'));
  const draw = readDraw(file);
  const v = verifyDraw(sm3, { pool: draw.pool, seed: draw.seed!, publicEntropy: draw.publicEntropy, commitment: draw.commitment, selection: draw.selection! });
  say(v.commitmentMatches ? 'commitmentOk' : 'commitmentBad');
  say(v.selectionMatches ? 'selectionOk' : 'selectionBad', { algorithm: draw.algorithm });
  if (!v.selectionMatches) {
    const org = new Map(draw.pool.orgs.map((o) => [o.id, o.name]));
    const person = new Map(draw.pool.inspectors.map((p) => [p.id, p.name]));
    for (const pick of v.recomputed) say('pick', { org: org.get(pick.orgId) ?? pick.orgId, inspectors: pick.inspectorIds.map((i) => person.get(i) ?? i).join(', ') });
  }
  const ok = v.commitmentMatches && v.selectionMatches;
  say(ok ? 'verified' : 'failed');
  return ok ? 0 : 1;
}
