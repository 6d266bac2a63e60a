import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load.js';
import { repoRoot } from './processes.js';

export interface RouteReport extends LoadResult {
  route: string;
  label: string;
  /** This route's req/s over its baseline's (the bare Fastify route or the intake baseline), measured in the same run. */
  ratio: { to: 'bare' | 'baseline'; value: number; target: number | null } | null;
}

function pad(s: string, n: number, right = false): string {
  const w = [...s].reduce((k, ch) => k + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(n - w, 0));
  return right ? fill + s : s + fill;
}

/** One decimal for ordinary ratios, two significant digits for tiny ones (0.012 %), never a misleading 0.0. */
function percent(ratio: number): string {
  const p = ratio * 100;
  return p >= 1 ? p.toFixed(1) : p.toPrecision(2);
}

export function printTable(rows: RouteReport[]): void {
  const head = ['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'of', 'target', 'non-2xx', 'errors'];
  const widths = [44, 9, 8, 8, 9, 9, 12, 8, 7];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) {
    console.log(
      line([
        r.label,
        String(r.reqPerSec),
        r.latencyMs.p50.toFixed(1),
        r.latencyMs.p99.toFixed(1),
        r.ratio ? `${percent(r.ratio.value)} %` : '-',
        r.ratio?.to ?? '',
        r.ratio?.target ? `≥ ${percent(r.ratio.target)} % ${r.ratio.value >= r.ratio.target ? 'met' : 'MISSED'}` : '',
        String(r.non2xx),
        String(r.errors),
      ]),
    );
  }
}

/** bench/results/ is git-ignored: results describe one machine at one moment, not the code. */
export function writeResult(db: string, result: unknown): string {
  const dir = path.join(repoRoot, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${db}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
