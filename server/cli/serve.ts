import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { DEMO_PASSWORD } from '../seed/demo-plan.js';
import { DEMO_TENANT_NAME } from '../seed/demo-seed.js';
import { parse } from './args.js';
import { prepareFirstStart } from './first-start.js';
import { say } from './say.js';

function baseUrl(app: FastifyInstance, host: string): string {
  const { port } = app.server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** SIGINT/SIGTERM close the server (in-flight requests finish, jobs stop, the pool closes); a second signal forces exit. */
function untilStopped(app: FastifyInstance): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => resolve(0),
        (e: unknown) => {
          app.log.error({ err: e }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { 'demo-if-empty': { type: 'boolean' } });
  const config = loadConfig();
  const app = await buildApp({ config });
  let first;
  try {
    first = await prepareFirstStart(app.deps, { demoIfEmpty: values['demo-if-empty'] === true, tenantName: process.env.QINGFENG_TENANT_NAME });
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app.close();
    throw e;
  }
  const url = baseUrl(app, config.host);
  say('listening', { url });
  if (first.seededDemo) say('demoSeeded', { tenant: DEMO_TENANT_NAME, password: DEMO_PASSWORD });
  if (first.setupToken) say('setupToken', { url: `${url}/setup?token=${first.setupToken}` });
  return untilStopped(app);
}
