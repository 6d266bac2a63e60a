import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.js';
import { installSecurityHeaders } from './security-headers.js';
import { installStatic } from './static.js';

/**
 * A small built-looking dist (admin and portal), compressed by the build's own script, served by the
 * platform's static setup with its security headers and history-mode fallback.
 */
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/compress-dist.mjs');
const APP_JS = `export const rows = [${Array.from({ length: 300 }, (_, i) => `{ id: ${i}, name: "第${i}党支部" }`).join(', ')}];\n`;
const PORTAL_JS = `console.log(${JSON.stringify('清风 portal '.repeat(200))});\n`;
const INDEX = (app: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${app}</title>${'<link rel="modulepreload" href="/assets/chunk.js">'.repeat(20)}</head><body><div id="app"></div></body></html>\n`;

let dist: string;
let app: FastifyInstance;

function write(rel: string, text: string) {
  const file = path.join(dist, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-dist-'));
  write('admin/index.html', INDEX('admin'));
  write('admin/assets/app-3f2a.js', APP_JS);
  write('admin/assets/tiny-9c1d.css', 'a{}');
  write('admin/favicon.svg', `<svg xmlns="http://www.w3.org/2000/svg">${'<circle cx="8" cy="8" r="4"/>'.repeat(30)}</svg>`);
  write('portal/index.html', INDEX('portal'));
  write('portal/assets/portal-77b0.js', PORTAL_JS);
  execFileSync(process.execPath, [SCRIPT, path.join(dist, 'admin'), path.join(dist, 'portal')]);

  app = Fastify();
  installSecurityHeaders(app, false);
  installErrorHandler(app, await installStatic(app, dist));
  app.get('/api/ping', async () => ({ ok: true }));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

function decoded(res: LightMyRequestResponse): string {
  const body = res.rawPayload;
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  expect(encoding).toBeUndefined();
  return body.toString('utf8');
}

const varies = (res: LightMyRequestResponse) => String(res.headers.vary ?? '').toLowerCase().split(/,\s*/).includes('accept-encoding');

describe('pre-compressed static assets', () => {
  it('writes a smaller .br and .gz next to each text asset, and none where compression would not pay', () => {
    for (const rel of ['admin/index.html', 'admin/assets/app-3f2a.js', 'admin/favicon.svg', 'portal/index.html', 'portal/assets/portal-77b0.js']) {
      const size = fs.statSync(path.join(dist, rel)).size;
      for (const ext of ['.br', '.gz']) expect(fs.statSync(path.join(dist, rel + ext)).size, rel + ext).toBeLessThan(size);
    }
    expect(fs.existsSync(path.join(dist, 'admin/assets/tiny-9c1d.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(dist, 'admin/assets/tiny-9c1d.css.gz'))).toBe(false);
  });

  it('sends the brotli file to a client that prefers it, the gzip file to one that takes only gzip', async () => {
    const br = await get('/assets/app-3f2a.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(varies(br)).toBe(true);
    expect(br.rawPayload.length).toBe(fs.statSync(path.join(dist, 'admin/assets/app-3f2a.js.br')).size);
    expect(decoded(br)).toBe(APP_JS);

    const gz = await get('/assets/app-3f2a.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(varies(gz)).toBe(true);
    expect(decoded(gz)).toBe(APP_JS);
  });

  it('sends the plain file, still varying on Accept-Encoding, to a client that accepts no encoding or where none was written', async () => {
    const plain = await get('/assets/app-3f2a.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain)).toBe(true);
    expect(plain.body).toBe(APP_JS);
    const tiny = await get('/assets/tiny-9c1d.css', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('a{}');
  });

  it('compresses the portal, the entry pages and the icon as well', async () => {
    const portal = await get('/portal/assets/portal-77b0.js', 'br');
    expect(portal.headers['content-encoding']).toBe('br');
    expect(decoded(portal)).toBe(PORTAL_JS);
    const index = await get('/', 'br');
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(decoded(index)).toBe(INDEX('admin'));
    const icon = await get('/favicon.svg', 'gzip');
    expect(icon.headers['content-encoding']).toBe('gzip');
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
  });

  it('keeps the history-mode fallback and the security headers', async () => {
    for (const [url, page] of [['/people/0190a1b2', 'admin'], ['/portal/news/12', 'portal']] as const) {
      for (const encoding of [undefined, 'br', 'gzip']) {
        const res = await get(url, encoding);
        expect(res.statusCode, `${url} ${encoding}`).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(decoded(res)).toBe(INDEX(page));
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    }
    const asset = await get('/assets/app-3f2a.js', 'br');
    expect(asset.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers a missing asset and an unknown API path with 404, never with a page', async () => {
    const missing = await get('/assets/missing-0000.js', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    const api = await get('/api/nope', 'br');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    expect((await get('/api/ping', 'br')).json()).toEqual({ ok: true });
  });
});
