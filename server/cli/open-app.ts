import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

/**
 * One-off commands reuse the server's wiring (migrations, keys, services) without jobs and, unless asked
 * for more, with a log quiet enough not to bury the command's own output.
 */
export async function withApp<T>(fn: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const app = await buildApp({ config: { ...config, runJobs: false, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel } });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
