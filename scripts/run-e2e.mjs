#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds the two web apps the server serves, runs the Playwright specs (extra arguments
 * pass through, e.g. a folder or `-g 组织`), then prints one line `N passed, N failed` with the wall time.
 * The JSON report goes to a temporary file so that it does not flood the console.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

if (!fs.existsSync('/usr/bin/chromium')) {
  console.error('chromium is not installed: apt-get install chromium fonts-wqy-microhei');
  process.exit(1);
}
if ((await run('npm', ['run', '--silent', 'build:web'])) !== 0) {
  console.error('web build failed');
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-e2e-report-'));
const report = path.join(dir, 'playwright.json');
const code = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (!fs.existsSync(report)) {
  console.log(`0 passed, 1 failed (playwright exited ${code} without a report, ${seconds} s)`);
  process.exit(1);
}
const s = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
fs.rmSync(dir, { recursive: true, force: true });
const failed = s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0);
console.log(`${s.expected + (s.flaky ?? 0)} passed, ${failed} failed (${seconds} s)`);
process.exit(failed === 0 ? 0 : 1);
