import { parseArgs } from 'node:util';

export interface BenchOptions {
  db: 'sqlite' | 'postgres';
  /** Seconds of measured load per route. */
  duration: number;
  /** Seconds of unrecorded load per route first (JIT, caches, pool). */
  warmup: number;
  connections: number;
  /** Requests per second over all connections, for latency at a fixed load; null measures the maximum. */
  rate: number | null;
  people: number;
  logLevel: string;
  routes: RouteName[];
  /** Leave the data directory (and PostgreSQL schema) behind for inspection. */
  keep: boolean;
}

export const routeNames = ['bare', 'health', 'people', 'portal', 'reads', 'reporter', 'baseline', 'intake', 'login', 'busy-reads'] as const;
export type RouteName = (typeof routeNames)[number];

const USAGE = `npm run bench -- [--db sqlite|postgres] [--duration 10] [--warmup 2] [--connections 32] [--rate N]
                   [--people 100000] [--log-level info] [--routes bare,health,people,portal,reads,reporter,baseline,intake,login,busy-reads] [--keep]
--db postgres uses DATABASE_URL and works in a scratch schema it drops afterwards.`;

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer 1-${max}, got "${raw}"\n${USAGE}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      db: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      rate: { type: 'string' },
      people: { type: 'string' },
      'log-level': { type: 'string' },
      routes: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  const db = values.db ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db must be sqlite or postgres\n${USAGE}`);
  if (db === 'postgres' && !process.env.DATABASE_URL) throw new Error('--db postgres needs DATABASE_URL (postgres://...)');
  const routes = (values.routes ?? routeNames.join(',')).split(',').map((r) => r.trim());
  const unknown = routes.filter((r) => !routeNames.includes(r as RouteName));
  if (unknown.length) throw new Error(`unknown route(s) ${unknown.join(', ')}; choose from ${routeNames.join(', ')}`);
  return {
    db,
    // Bounded on purpose: a benchmark here must stop by itself within minutes.
    duration: positive('duration', values.duration, 10, 300),
    warmup: values.warmup === '0' ? 0 : positive('warmup', values.warmup, 2, 60),
    connections: positive('connections', values.connections, 32, 1000),
    rate: values.rate === undefined ? null : positive('rate', values.rate, 1, 1_000_000),
    people: positive('people', values.people, 100_000, 2_000_000),
    logLevel: values['log-level'] ?? 'info',
    routes: routes as RouteName[],
    keep: values.keep === true,
  };
}
