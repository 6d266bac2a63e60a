import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';

/** One-off commands reuse the server's wiring (migrations, keys, deps) without jobs and with a quiet log. */
export async function openApp(config: Config = loadConfig()): Promise<FastifyInstance> {
  return buildApp({ config: { ...config, runJobs: false, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel } });
}

export async function withApp<T>(fn: (app: FastifyInstance) => Promise<T>, config?: Config): Promise<T> {
  const app = await openApp(config);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
