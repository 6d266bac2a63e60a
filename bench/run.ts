import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../server/config.js';
import { slowLookupHash } from '../server/platform/auth/password.js';
import { HASH_SLOTS } from '../server/modules/complaints/portal/hash-gate.js';
import { solvedCaptchas } from './captchas.js';
import { captchasFor, intakeTarget, loginTarget, portalChoice, publicReadPaths, reporterSession, reporterViewPath } from './complaints.js';
import { generateBenchData } from './generate.js';
import { measure, measureTogether, type LoadResult, type Target } from './load.js';
import { parseOptions, routeNames, type BenchOptions, type RouteName } from './options.js';
import { repoRoot, startServer, type Server } from './processes.js';
import { printTable, writeResult, type RouteReport } from './report.js';
import { createScratchSchema, type ScratchSchema } from './scratch-schema.js';

const LABELS: Record<RouteName, string> = {
  bare: '(a) bare Fastify JSON route (ceiling)',
  health: '(b) GET /api/health',
  people: '(c) GET /api/people, subtree scope',
  portal: '(d) GET /api/portal/site',
  reads: '(e) portal public reads',
  reporter: '(f) reporter status view (session)',
  baseline: '(g) intake baseline: hash + 1 insert',
  intake: '(h) anonymous portal intake',
  login: '(i) receipt-code logins',
  'busy-reads': '(j) public reads during (h)+(i)',
};
/** What each ratio is taken against, and the least it should reach (issue targets). */
const RATIOS: Partial<Record<RouteName, { to: 'bare' | 'baseline'; target: number | null }>> = {
  health: { to: 'bare', target: null },
  people: { to: 'bare', target: null },
  portal: { to: 'bare', target: null },
  reads: { to: 'bare', target: 0.5 },
  reporter: { to: 'bare', target: 0.5 },
  intake: { to: 'baseline', target: 0.6 },
  login: { to: 'baseline', target: null },
  'busy-reads': { to: 'bare', target: 0.4 },
};
const PAGE_SIZE = 20;

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+local changes` : head;
  } catch {
    return 'unknown';
  }
}

async function expectOk(url: string, headers: Record<string, string>, check: (body: unknown) => string | null): Promise<void> {
  const res = await fetch(url, { headers });
  const body: unknown = await res.json();
  const problem = res.status !== 200 ? `status ${res.status}: ${JSON.stringify(body)}` : check(body);
  if (problem) throw new Error(`${url}: ${problem}`);
}

/** How many receipt hashes a second this machine can do through the hash gate: sizes the captcha stock. */
async function hashRate(config: Config): Promise<number> {
  const salt = crypto.randomBytes(16);
  const started = performance.now();
  for (let i = 0; i < 5; i++) await slowLookupHash(salt, String(i).padStart(16, '0'), config.passwordHashing);
  return HASH_SLOTS / ((performance.now() - started) / 5 / 1000);
}

function appEnv(opts: BenchOptions, dataDir: string, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    QINGFENG_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: opts.logLevel,
    // Every benchmark request comes from 127.0.0.1, so the per-address flood guard (6000/min by default)
    // would start answering 429 within the first second and the run would measure refusals, not the route.
    QINGFENG_GLOBAL_RATE_PER_MIN: '1000000000',
    // Portal writes carry X-Forwarded-For, one address per simulated phone (see bench/complaints.ts).
    QINGFENG_TRUST_PROXY: '1',
  };
}

async function main(opts: BenchOptions): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-bench-'));
  let scratch: ScratchSchema | null = null;
  const servers: Server[] = [];
  const measured = new Map<RouteName, LoadResult>();
  const load = { connections: opts.connections, duration: opts.duration, warmup: opts.warmup, rate: opts.rate };
  const wanted = (name: RouteName) => opts.routes.includes(name);
  const run = async (name: RouteName, target: Omit<Target, 'name'>) => {
    if (!wanted(name)) return;
    process.stdout.write(`measuring ${LABELS[name]} for ${opts.duration} s ...\n`);
    measured.set(name, await measure({ name, ...target }, load));
  };
  const start = async (entry: string[], readyPath: string, env: NodeJS.ProcessEnv, log: string) => {
    const server = await startServer({ entry, env, readyPath, logFile: path.join(dataDir, log) });
    servers.push(server);
    return server;
  };
  try {
    if (opts.db === 'postgres') scratch = await createScratchSchema(process.env.DATABASE_URL!);
    const databaseUrl = scratch?.url ?? '';
    process.stdout.write(`generating ${opts.people} people on ${opts.db} in ${dataDir} ...\n`);
    const data = await generateBenchData({ dataDir, databaseUrl: scratch?.url ?? null, people: opts.people });
    process.stdout.write(`generated in ${(data.ms.total / 1000).toFixed(1)} s (people ${(data.ms.people / 1000).toFixed(1)} s); ${data.peopleInScope} people in the user's subtree\n`);

    if (wanted('bare')) {
      const bare = await start(['bench/servers/bare.ts'], '/bare', process.env, 'bare.log');
      await run('bare', { url: bare.url, paths: ['/bare'] });
      await bare.stop();
    }
    if (wanted('baseline')) {
      const baseline = await start(['bench/servers/intake-baseline.ts'], '/ready', appEnv(opts, dataDir, databaseUrl), 'baseline.log');
      await run('baseline', { url: baseline.url, paths: ['/baseline'], next: () => ({ method: 'POST', path: '/baseline' }), connections: 8 });
      await baseline.stop();
    }

    if (opts.routes.some((r) => r !== 'bare' && r !== 'baseline')) {
      const app = await start(['server/main.ts', 'serve'], '/api/health', appEnv(opts, dataDir, databaseUrl), 'server.log');
      const cookie = { cookie: `qf_sid=${data.sessionToken}` };
      const pages = Math.max(1, Math.min(50, Math.ceil(data.peopleInScope / PAGE_SIZE)));
      const peoplePaths = Array.from({ length: pages }, (_, i) => `/api/people?page=${i + 1}&pageSize=${PAGE_SIZE}&orgId=${data.scopeOrgId}`);
      // One real request each first: the load must hit the working route, not an error path.
      await expectOk(`${app.url}/api/health`, {}, () => null);
      await expectOk(`${app.url}${peoplePaths[0]}`, cookie, (b) => {
        const page = b as { total: number; items: unknown[] };
        return page.total === data.peopleInScope && page.items.length === Math.min(PAGE_SIZE, data.peopleInScope) ? null : `expected ${data.peopleInScope} people in scope, got ${page.total}`;
      });
      await expectOk(`${app.url}/api/portal/site`, {}, (b) => ((b as { name?: string }).name ? null : 'no tenant name'));
      await run('health', { url: app.url, paths: ['/api/health'] });
      await run('portal', { url: app.url, paths: ['/api/portal/site'] });
      await run('reads', { url: app.url, paths: publicReadPaths });

      // The baseline is the faster of the two estimates when it ran; the margin in captchasFor covers the rest.
      const perSecond = Math.max(await hashRate(loadConfig(appEnv(opts, dataDir, databaseUrl))), measured.get('baseline')?.reqPerSec ?? 0);
      const stock = async (what: string) => {
        const n = captchasFor(perSecond, opts.warmup + opts.duration);
        process.stdout.write(`solving ${n} captchas for ${what} (about ${perSecond.toFixed(0)} receipt hashes/s here) ...\n`);
        return solvedCaptchas(app.url, n);
      };
      const choice = await portalChoice(app.url);
      const receipts: string[] = [];
      const intake = async () => intakeTarget(app.url, choice, await stock('intake'), receipts);
      const login = async () => loginTarget(app.url, await stock('code logins'), receipts);
      if (wanted('intake')) await run('intake', await intake());
      const needCodes = wanted('login') || wanted('reporter') || wanted('busy-reads');
      if (needCodes && receipts.length === 0) await measure(await intake(), { ...load, duration: 2, warmup: 0 });
      if (needCodes && receipts.length === 0) throw new Error('the portal intake handed out no receipt code');
      if (wanted('login')) await run('login', await login());
      if (wanted('reporter')) await run('reporter', { url: app.url, paths: [reporterViewPath], headers: await reporterSession(app.url, receipts[0]!) });
      if (wanted('busy-reads')) {
        const writes = [await intake(), await login()];
        process.stdout.write(`measuring ${LABELS['busy-reads']} for ${opts.duration} s ...\n`);
        const [reads] = await measureTogether([{ name: 'busy-reads', url: app.url, paths: publicReadPaths }, ...writes], load);
        measured.set('busy-reads', reads!);
      }
      // Last: requests still queued in the server or database when a slow route's run ends would weigh on the next one.
      await run('people', { url: app.url, headers: cookie, paths: peoplePaths });
      await app.stop();
    }

    const base = { bare: measured.get('bare')?.reqPerSec ?? null, baseline: measured.get('baseline')?.reqPerSec ?? null };
    const rows: RouteReport[] = routeNames
      .filter((route) => measured.has(route))
      .map((route) => {
        const r = measured.get(route)!;
        const ratio = RATIOS[route];
        const against = ratio ? base[ratio.to] : null;
        return { route, label: LABELS[route], ...r, ratio: ratio && against ? { to: ratio.to, value: r.reqPerSec / against, target: ratio.target } : null };
      });
    process.stdout.write('\n');
    printTable(rows);
    const file = writeResult(opts.db, {
      at: new Date().toISOString(),
      commit: gitCommit(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtEnd: os.loadavg() },
      options: { ...opts, people: opts.people },
      data: { people: opts.people, orgs: data.orgs, peopleInScope: data.peopleInScope, generationMs: data.ms },
      routes: rows,
    });
    process.stdout.write(`\nload average (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}; result written to ${path.relative(repoRoot, file)}\n`);
    const failed = rows.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failed.length) process.stderr.write(`non-2xx answers or errors on: ${failed.map((r) => r.route).join(', ')} (run again with --keep to read server.log in the data directory)\n`);
    return failed.length ? 1 : 0;
  } finally {
    for (const s of servers) await s.stop();
    if (opts.keep) process.stdout.write(`kept ${dataDir}${scratch ? ` and schema ${scratch.schema}` : ''}\n`);
    else {
      await scratch?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main(parseOptions(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
