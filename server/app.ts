import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { Config } from './config.js';
import type { Deps } from './platform/context.js';
import { systemClock, type Clock } from './platform/clock/clock.js';
import { createGmCrypto } from './platform/crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from './platform/crypto/keyring.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { installGuard } from './platform/access/guard.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { installHealth } from './platform/http/health.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { installOpenApi } from './platform/http/openapi.js';
import { installRateLimits } from './platform/http/rate-limit.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installStatic } from './platform/http/static.js';
import { installNoBodyGuard, validatorCompiler } from './platform/http/validation.js';
import { createStorage } from './platform/storage/create-storage.js';
import { createMailer } from './platform/notify/smtp-mailer.js';
import { loadTenantKeys, syncBuiltinRoles, syncPermissions } from './platform/tenancy/create-tenant.js';
import { runTenantSeeds } from './platform/tenancy/tenant-seeds.js';
import { nowIso } from './platform/clock/clock.js';
import { startJobs } from './platform/jobs/scheduler.js';
import { moduleJobs, registerModules } from './modules/index.js';
import { platformJobs } from './platform/jobs/platform-jobs.js';

export interface BuildOptions {
  config: Config;
  clock?: Clock;
  /** An already-open database (tests pass one per schema); otherwise opened from the config. */
  database?: Database;
  env?: NodeJS.ProcessEnv;
}

export interface RouteEntry {
  method: string;
  url: string;
  config: RouteOptions['config'];
  schema: RouteOptions['schema'];
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** Every /api route with its declared guard and schema: read by the access-matrix and bad-input tests. */
    apiRoutes: RouteEntry[];
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const logRedact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

/** Builds the whole application without listening: the CLI listens, tests inject. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const database = opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await migrateToLatest(database.db);
  await syncPermissions(database.db);

  const keys = new KeyRing(loadKeyMaterial(config.dataDir, opts.env));
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: logRedact,
      // No address, user agent or query string is logged: portal reporters must leave no trace here.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }) },
    },
    // One access line per request, written when it ends (see below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    http: { requestTimeout: 30_000, headersTimeout: 15_000 } as never,
  });
  app.addHook('onResponse', (req, reply, done) => {
    reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  // JSON and multipart only: a text/plain body is what a cross-site form can send, so it is refused outright.
  app.removeContentTypeParser('text/plain');
  installNoBodyGuard(app);

  const deps: Deps = {
    db: database.db,
    dialect: database.dialect,
    clock: opts.clock ?? systemClock,
    crypto: createGmCrypto(keys),
    keys,
    config,
    log: app.log,
    storage: createStorage(config),
    mailer: createMailer(config),
    instanceId: `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`,
  };
  app.decorate('deps', deps);
  const apiRoutes: RouteEntry[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: r.url, config: r.config, schema: r.schema });
  });
  await loadTenantKeys(deps);
  for (const t of await deps.db.selectFrom('tenant').select('id').execute()) {
    await syncBuiltinRoles(deps.db, t.id, nowIso(deps.clock));
    await runTenantSeeds(deps.db, t.id, nowIso(deps.clock));
  }

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 10, fields: 20, parts: 30 } });
  installSecurityHeaders(app, config.trustProxy);
  await installOpenApi(app);
  installRateLimits(app, deps);
  installGuard(app, deps);
  installIdempotency(app, deps);
  installErrorHandler(app, await installStatic(app, path.join(root, 'dist')));
  installHealth(app, deps);
  await registerModules(app);

  const stopJobs = config.runJobs ? startJobs(deps, [...platformJobs, ...moduleJobs]) : null;
  app.addHook('onClose', async () => {
    await stopJobs?.();
    if (!opts.database) await database.close();
  });
  return app;
}
