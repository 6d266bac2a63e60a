import autocannon from 'autocannon';

/** One request of a load whose every request differs (a fresh captcha, a new Idempotency-Key). */
export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Paths to cycle through, one per request (e.g. list pages); a single path otherwise. */
  paths: string[];
  /** Builds each request instead of cycling through `paths`. */
  next?: () => RequestSpec;
  /** Overrides the run's connection count (writes that queue on a slow hash need fewer). */
  connections?: number;
  /** Sees every answer's status and body (to keep the receipt codes an intake run hands out). */
  onResponse?: (status: number, body: string) => void;
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
    connections: t.connections ?? opts.connections,
    duration: opts.duration,
    // A slow route must show up as high latency, not as a count of abandoned requests.
    timeout: 60,
    headers: t.headers ?? {},
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          if (t.next) {
            const r = t.next();
            return { ...req, method: r.method, path: r.path, headers: { ...req.headers, ...r.headers }, ...(r.body === undefined ? {} : { body: r.body }) };
          }
          const path = t.paths[next % t.paths.length]!;
          next += 1;
          return { ...req, path };
        },
        ...(t.onResponse ? { onResponse: (status: number, body: string) => t.onResponse!(status, body) } : {}),
      },
    ],
  });
}

type LoadOptions = { connections: number; duration: number; warmup: number; rate: number | null };

/** An unrecorded warm-up, then the measured run; status codes other than 2xx are counted, never hidden. */
export async function measure(t: Target, opts: LoadOptions): Promise<LoadResult> {
  return (await measureTogether([t], opts))[0]!;
}

/** Several loads at once (warm-up together, then measured together), each reported on its own. */
export async function measureTogether(targets: Target[], opts: LoadOptions): Promise<LoadResult[]> {
  if (opts.warmup > 0) await Promise.all(targets.map((t) => cannon(t, { ...opts, duration: opts.warmup })));
  return (await Promise.all(targets.map((t) => cannon(t, opts)))).map(summarize);
}

function summarize(r: autocannon.Result): LoadResult {
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
