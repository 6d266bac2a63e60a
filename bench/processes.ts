import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/**
 * Starts a TypeScript entry point in its own Node process (so the load generator never shares its event
 * loop), output to `logFile`, and waits until `readyPath` answers 200.
 */
export async function startServer(opts: { entry: string[]; env: NodeJS.ProcessEnv; readyPath: string; logFile: string }): Promise<Server> {
  const port = await freePort();
  const log = fs.openSync(opts.logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', ...opts.entry], {
    cwd: repoRoot,
    env: { ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${opts.entry.join(' ')} exited with ${child.exitCode}; see ${opts.logFile}`);
    try {
      if ((await fetch(`${url}${opts.readyPath}`)).status === 200) return { url, pid: child.pid!, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${opts.entry.join(' ')} did not answer ${opts.readyPath} within 90 s; see ${opts.logFile}`);
}
