import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateBenchData } from './generate.js';
import { measure, type LoadResult, type Target } from './load.js';
import { parseOptions, routeNames, type BenchOptions, type RouteName } from './options.js';
import { repoRoot, startServer, type Server } from './processes.js';
import { printTable, writeResult, type RouteReport } from './report.js';
import { createScratchSchema, type ScratchSchema } from './scratch-schema.js';

const LABELS: Record<RouteName, string> = {
  bare: '(a) bare Fastify JSON route (ceiling)',
  health: '(b) GET /api/health',
  people: '(c) GET /api/people, subtree scope',
  portal: '(d) GET /api/portal/site',
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

async function main(opts: BenchOptions): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-bench-'));
  let scratch: ScratchSchema | null = null;
  const servers: Server[] = [];
  const measured = new Map<RouteName, LoadResult>();
  const load = { connections: opts.connections, duration: opts.duration, warmup: opts.warmup, rate: opts.rate };
  const run = async (name: RouteName, target: Omit<Target, 'name'>) => {
    if (!opts.routes.includes(name)) return;
    process.stdout.write(`measuring ${LABELS[name]} for ${opts.duration} s ...\n`);
    measured.set(name, await measure({ name, ...target }, load));
  };
  try {
    if (opts.db === 'postgres') scratch = await createScratchSchema(process.env.DATABASE_URL!);
    process.stdout.write(`generating ${opts.people} people on ${opts.db} in ${dataDir} ...\n`);
    const data = await generateBenchData({ dataDir, databaseUrl: scratch?.url ?? null, people: opts.people });
    process.stdout.write(`generated in ${(data.ms.total / 1000).toFixed(1)} s (people ${(data.ms.people / 1000).toFixed(1)} s); ${data.peopleInScope} people in the user's subtree\n`);

    if (opts.routes.includes('bare')) {
      const bare = await startServer({ entry: ['bench/servers/bare.ts'], env: process.env, readyPath: '/bare', logFile: path.join(dataDir, 'bare.log') });
      servers.push(bare);
      await run('bare', { url: bare.url, paths: ['/bare'] });
      await bare.stop();
    }

    if (opts.routes.some((r) => r !== 'bare')) {
      const app = await startServer({
        entry: ['server/main.ts', 'serve'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          QINGFENG_DATA_DIR: dataDir,
          DATABASE_URL: scratch?.url ?? '',
          LOG_LEVEL: opts.logLevel,
          // Every benchmark request comes from 127.0.0.1, so the per-address flood guard (6000/min by default)
          // would start answering 429 within the first second and the run would measure refusals, not the route.
          QINGFENG_GLOBAL_RATE_PER_MIN: '1000000000',
        },
        readyPath: '/api/health',
        logFile: path.join(dataDir, 'server.log'),
      });
      servers.push(app);
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
      // Last: requests still queued in the server or database when a slow route's run ends would weigh on the next one.
      await run('people', { url: app.url, headers: cookie, paths: peoplePaths });
      await app.stop();
    }

    const ceiling = measured.get('bare')?.reqPerSec ?? null;
    const rows: RouteReport[] = routeNames
      .filter((route) => measured.has(route))
      .map((route) => ({ route, label: LABELS[route], ...measured.get(route)!, ratioToCeiling: ceiling ? measured.get(route)!.reqPerSec / ceiling : null }));
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
