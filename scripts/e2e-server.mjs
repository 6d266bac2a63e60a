#!/usr/bin/env node
/** Starts Qingfeng for the browser tests: a fresh data directory, demo data, the given port, no leftovers. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.argv[2] ?? '18081';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-e2e-'));
// One process (node with the tsx loader, not npx): stopping this script stops the server with it.
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', '--demo-if-empty'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, QINGFENG_DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
