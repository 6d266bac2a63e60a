import type { LogLevel } from 'fastify';

/** Least to most verbose. */
const QUIET_FIRST: LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * The log level of the public portal's routes: warnings and errors only, whatever the server's level. As
 * GlobaLeaks does for its whistleblowers, the application keeps no access line of who read the portal,
 * filed or followed a complaint, or when (the audit log records the filing itself, without any address).
 * It also keeps these routes from ever logging at debug, where some plugins log request headers (busboy
 * logs its options, which hold them).
 */
export function publicLogLevel(configured: string): LogLevel {
  const at = QUIET_FIRST.indexOf(configured as LogLevel);
  return QUIET_FIRST[Math.min(at < 0 ? QUIET_FIRST.length - 1 : at, QUIET_FIRST.indexOf('warn'))]!;
}
