#!/usr/bin/env node
/**
 * `npm test`: the whole suite in one command — lint, types, unit and component tests, the integration
 * suite on SQLite and on PostgreSQL, the scale-out test (several server processes on one PostgreSQL) and
 * the browser tests — then one line `N passed, N failed`.
 *
 * PostgreSQL: TEST_DATABASE_URL if set; otherwise a throwaway cluster from /usr/lib/postgresql/<v>/bin
 * (run as the `postgres` user when we are root, because PostgreSQL refuses to run as root).
 * Browser tests need Debian's chromium (/usr/bin/chromium). A leg that cannot run is reported as failed,
 * never silently dropped; QINGFENG_TEST_SKIP=pg,e2e skips legs on purpose and says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-results-'));
const skip = new Set((process.env.QINGFENG_TEST_SKIP ?? '').split(',').filter(Boolean));
const tally = { passed: 0, failed: 0 };
const legs = [];

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function record(name, passed, failed, note = '') {
  tally.passed += passed;
  tally.failed += failed;
  legs.push(`${name}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ''}`);
}

/** A check without its own test count (lint, type check) counts as one test. */
async function check(name, cmd, args) {
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

async function vitest(name, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const file = path.join(out, `${name.replace(/\W+/g, '-')}.json`);
  const code = await run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${file}`], env);
  if (!fs.existsSync(file)) return record(name, 0, 1, `vitest exited ${code} without a report`);
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const failedSuites = r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
  record(name, r.numPassedTests, r.numFailedTests + failedSuites + (code !== 0 && r.numFailedTests === 0 && failedSuites === 0 ? 1 : 0));
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function pgBin() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const v = fs.readdirSync(base).sort().reverse().find((d) => fs.existsSync(path.join(base, d, 'bin', 'initdb')));
  return v ? path.join(base, v, 'bin') : null;
}

/** Starts a throwaway PostgreSQL cluster (UTF-8 locale, so pg_trgm works on Chinese); returns its URL and a stop function. */
async function startPostgres() {
  const bin = pgBin();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const sh = (cmd) => (asRoot ? spawnSync('su', ['postgres', '-c', cmd], { stdio: 'inherit' }) : spawnSync('sh', ['-c', cmd], { stdio: 'inherit' }));
  if (asRoot) spawnSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  if (sh(`${bin}/initdb -D ${data} --locale=C.UTF-8 -E UTF8 -A trust -U postgres >/dev/null`).status !== 0) return null;
  const start = sh(`${bin}/pg_ctl -D ${data} -o "-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200" -l ${dir}/log -w start >/dev/null`);
  if (start.status !== 0) return null;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      sh(`${bin}/pg_ctl -D ${data} -m fast stop >/dev/null`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function e2e() {
  console.log('\n=== browser tests (Playwright, Debian chromium) ===');
  if (!fs.existsSync('/usr/bin/chromium')) return record('browser tests', 0, 1, 'chromium is not installed: apt-get install chromium fonts-wqy-microhei');
  const file = path.join(out, 'playwright.json');
  const code = await run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!fs.existsSync(file)) return record('browser tests', 0, 1, `playwright exited ${code} without a report`);
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats;
  record('browser tests', s.expected + (s.flaky ?? 0), s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0), s.flaky ? `${s.flaky} flaky` : '');
}

await check('lint', 'npx', ['eslint', '.']);
await check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
await vitest('unit and component tests', ['--project', 'unit', '--project', 'web']);
await vitest('integration on SQLite', ['--project', 'integration'], { TEST_DATABASE_URL: '' });

if (skip.has('pg')) legs.push('integration and scale-out on PostgreSQL: skipped on request (QINGFENG_TEST_SKIP)');
else {
  const external = process.env.TEST_DATABASE_URL;
  const pg = external ? { url: external, stop: () => {} } : await startPostgres();
  if (!pg) record('integration and scale-out on PostgreSQL', 0, 1, 'no PostgreSQL: set TEST_DATABASE_URL or install postgresql');
  else {
    try {
      await vitest('integration on PostgreSQL', ['--project', 'integration'], { TEST_DATABASE_URL: pg.url });
      await vitest('scale-out on PostgreSQL', ['--config', 'server/test/scale-out/vitest.config.ts'], { TEST_DATABASE_URL: pg.url });
    } finally {
      pg.stop();
    }
  }
}

if (skip.has('e2e')) legs.push('browser tests: skipped on request (QINGFENG_TEST_SKIP)');
else {
  console.log('\n=== build web apps for the browser tests ===');
  const built = await run('npm', ['run', '--silent', 'build:web']);
  if (built !== 0) record('web build', 0, 1);
  else await e2e();
}

console.log('\n' + legs.join('\n'));
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
