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

export function installSecurityHeaders(app: FastifyInstance, behindTls: boolean): void {
  const headers = securityHeaders(behindTls);
  const api = { ...headers, 'cache-control': 'no-store' };
  // Set before the handler, so a route may still replace one (a download its content type, say).
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.url.startsWith('/api/') ? api : headers).header('x-request-id', req.id);
    done();
  });
}
