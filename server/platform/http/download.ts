import type { FastifyReply } from 'fastify';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, always as an attachment, never rendered inline. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function sendDownload(reply: FastifyReply, body: Buffer | NodeJS.ReadableStream, name: string, mime: string): FastifyReply {
  return reply
    .header('content-type', mime)
    .header('content-disposition', contentDisposition(name))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
