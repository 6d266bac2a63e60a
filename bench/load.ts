import autocannon from 'autocannon';

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Paths to cycle through, one per request (e.g. list pages); a single path otherwise. */
  paths: string[];
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

function cannon(t: Target, opts: { connections: number; duration: number; rate: number | null }) {
  let next = 0;
  return autocannon({
    url: t.url,
    connections: opts.connections,
    duration: opts.duration,
    // A slow route must show up as high latency, not as a count of abandoned requests.
    timeout: 60,
    headers: t.headers ?? {},
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const path = t.paths[next % t.paths.length]!;
          next += 1;
          return { ...req, path };
        },
      },
    ],
  });
}

/** An unrecorded warm-up, then the measured run; status codes other than 2xx are counted, never hidden. */
export async function measure(t: Target, opts: { connections: number; duration: number; warmup: number; rate: number | null }): Promise<LoadResult> {
  if (opts.warmup > 0) await cannon(t, { ...opts, duration: opts.warmup });
  const r = await cannon(t, opts);
  const ok = r['2xx'];
  return {
    requests: ok + r.non2xx,
    reqPerSec: ok / r.duration >= 100 ? Math.round(ok / r.duration) : Math.round((ok / r.duration) * 10) / 10,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
  };
}
