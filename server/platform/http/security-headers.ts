import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * CSP without inline script; styles may be inline because Element Plus positions popovers with style
 * attributes. HSTS only when the deployment says TLS terminates in front of us.
 */
function options(behindTls: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: behindTls ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The headers helmet sets, worked out once: helmet rebuilds and re-serialises its policies on every
 * response (about a tenth of a public read's time), although nothing in them depends on the request.
 */
export function securityHeaders(behindTls: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  helmet(options(behindTls))({} as never, res as never, () => undefined);
  return headers;
}

/**
 * What a JSON answer or a download needs (OWASP REST Security Cheat Sheet): nothing loads from it, no page
 * frames it, nobody sniffs or caches it. Most of helmet's headers are about documents a browser renders;
 * on every API answer they were a kilobyte, more than the answer itself.
 */
export function apiHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  const hsts = pageHeaders['strict-transport-security'];
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}

export function installSecurityHeaders(app: FastifyInstance, behindTls: boolean): void {
  const pages = securityHeaders(behindTls);
  const api = apiHeaders(pages);
  // /api/docs is the Swagger UI, a page.
  const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');
  // Set before the handler, so a route may still replace one (a download its content type, say).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApi(req.url) ? api : pages).header('x-request-id', req.id);
    done();
  });
}
