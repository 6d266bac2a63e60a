import path from 'node:path';

export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  host: string;
  port: number;
  storage: { driver: 'local' } | { driver: 's3'; s3: S3Config };
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | null;
  /** Cron ticks and the job worker; tests and one-off CLI commands switch them off. */
  runJobs: boolean;
  bodyLimit: number;
  /** Requests per minute per client address across all routes (flood guard, per process). */
  globalRatePerMinute: number;
  /** argon2id cost; tests lower it, production keeps the OWASP defaults (m=19456 KiB, t=2). */
  passwordHashing: { memoryCost: number; timeCost: number };
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function port(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be an integer 0-65535, got "${raw}"`);
  return n;
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v) throw new ConfigError(`${name} is required when QINGFENG_STORAGE=s3`);
  return v;
}

/** Reads and validates the environment once; an invalid setting stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  }
  const driver = env.QINGFENG_STORAGE ?? 'local';
  if (driver !== 'local' && driver !== 's3') throw new ConfigError(`QINGFENG_STORAGE must be "local" or "s3", got "${driver}"`);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const smtpUrl = env.QINGFENG_SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('QINGFENG_SMTP_URL must start with smtp:// or smtps://');
  return {
    dataDir: path.resolve(env.QINGFENG_DATA_DIR || './data'),
    databaseUrl,
    host: env.HOST || '127.0.0.1',
    port: port(env.PORT, 8080),
    storage: driver === 's3'
      ? {
          driver: 's3',
          s3: {
            endpoint: required(env, 'S3_ENDPOINT'),
            region: env.S3_REGION || 'us-east-1',
            bucket: required(env, 'S3_BUCKET'),
            accessKeyId: required(env, 'S3_ACCESS_KEY_ID'),
            secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY'),
          },
        }
      : { driver: 'local' },
    trustProxy: env.QINGFENG_TRUST_PROXY === '1',
    logLevel,
    smtpUrl,
    runJobs: env.QINGFENG_JOBS !== '0',
    bodyLimit: 1024 * 1024,
    passwordHashing: { memoryCost: 19456, timeCost: 2 },
    globalRatePerMinute: positiveInt(env.QINGFENG_GLOBAL_RATE_PER_MIN, 'QINGFENG_GLOBAL_RATE_PER_MIN', 6000),
  };
}
