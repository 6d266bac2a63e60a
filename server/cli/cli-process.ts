import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** For tests: the installed `qingfeng` command run as a real process, from an unrelated working directory. */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/qingfeng.mjs');

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QINGFENG_') && k !== 'DATABASE_URL' && k !== 'PORT' && k !== 'HOST'));
  return { ...clean, LOG_LEVEL: 'warn', QINGFENG_LOCALE: 'en-US', ...env };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(env), cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches, or rejects after `ms`. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServe(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: baseEnv({ HOST: '127.0.0.1', PORT: '0', ...env }), cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const append = (d: Buffer) => {
    out += d.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = (re: RegExp, ms = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(re);
        if (m) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(m);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${re} in output:\n${out}`));
      }, ms);
      listeners.add(check);
      void closed.then((code) => {
        check();
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`exited with ${code} before ${re}:\n${out}`));
        }
      });
      check();
    });
  const url = (await waitFor(/http:\/\/127\.0\.0\.1:\d+/))[0];
  return {
    url,
    child,
    output: () => out,
    waitFor,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return closed;
    },
  };
}
