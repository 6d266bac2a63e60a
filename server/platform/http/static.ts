import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type PageFallback = (req: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Serves the built admin app at / and the portal at /portal. Returns the history-mode fallback: a GET
 * for an unknown page path gets the app's index.html, everything else stays a 404.
 */
export async function installStatic(app: FastifyInstance, distDir: string): Promise<PageFallback> {
  const admin = path.join(distDir, 'admin');
  const portal = path.join(distDir, 'portal');
  const hasAdmin = fs.existsSync(path.join(admin, 'index.html'));
  const hasPortal = fs.existsSync(path.join(portal, 'index.html'));
  // `npm run build:web` writes .br and .gz next to each text asset; a client that accepts one gets it as is.
  if (hasPortal) await app.register(fastifyStatic, { root: portal, prefix: '/portal/', decorateReply: false, wildcard: true, preCompressed: true });
  if (hasAdmin) await app.register(fastifyStatic, { root: admin, prefix: '/', wildcard: true, preCompressed: true });
  return (req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    if (req.method !== 'GET' || pathname.startsWith('/api/') || path.extname(pathname)) return false;
    if (pathname.startsWith('/portal')) {
      if (!hasPortal) return false;
      void reply.type('text/html; charset=utf-8').send(fs.createReadStream(path.join(portal, 'index.html')));
      return true;
    }
    if (!hasAdmin) return false;
    void reply.sendFile('index.html', admin);
    return true;
  };
}
