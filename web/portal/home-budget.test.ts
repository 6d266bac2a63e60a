// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSite } from '../../contracts/portal';
import { installErrorHandler } from '../../server/platform/http/error-handler';
import { installSecurityHeaders } from '../../server/platform/http/security-headers';
import { installStatic } from '../../server/platform/http/static';

/** Budget for the JavaScript a phone downloads to show the home page, gzip-compressed as a server or proxy sends it. */
const HOME_JS_BUDGET = 60 * 1024;
const MIN_TAP_PX = 44;

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'qf-portal-'));
let app: FastifyInstance;
let browser: Browser;
let origin: string;

/**
 * The production build, served with the server's own static serving and security headers (CSP
 * `script-src 'self'`), opened in Chromium at 375 px like a phone.
 */
beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which would make Vite bundle Vue's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(here, 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir: path.join(dist, 'portal'), emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  app = Fastify();
  await installSecurityHeaders(app, false);
  installErrorHandler(app, await installStatic(app, dist));
  const site: PortalSite = { name: '长江河道管理局', sections: ['home', 'about'] };
  app.get('/api/portal/site', async () => site);
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('portal home in a phone-sized browser', () => {
  it('loads within the JavaScript budget, breaks no CSP rule, fits 375 px and has large tap targets', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const scripts: { url: string; bytes: number; gzip: number }[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() !== 'script') return;
      const body = await r.body();
      scripts.push({ url: r.url(), bytes: body.length, gzip: zlib.gzipSync(body).length });
    });

    await page.goto(`${origin}/portal/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.brand__owner').textContent()).toBe('长江河道管理局');

    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    expect(scripts.length, 'scripts loaded').toBeGreaterThan(0);
    expect(total, `home page JS: ${scripts.map((s) => `${s.url} ${s.bytes} B, gzip ${s.gzip} B`).join('; ')}`).toBeLessThanOrEqual(HOME_JS_BUDGET);
    expect(problems, 'console errors (a CSP violation shows here)').toEqual([]);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('h1').textContent()).toBe('监督一点通');
    expect(await page.locator('.card--soon').count()).toBe(4);
    const small = await page.evaluate((min) => {
      return [...document.querySelectorAll<HTMLElement>('a, button')]
        .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link'))
        .map((el) => ({ text: el.textContent?.trim() ?? '', rect: el.getBoundingClientRect() }))
        .filter(({ rect }) => rect.height < min || rect.width < min)
        .map(({ text, rect }) => `${text} ${Math.round(rect.width)}x${Math.round(rect.height)}`);
    }, MIN_TAP_PX);
    expect(small, 'tap targets under 44 px').toEqual([]);
    await context.close();
  }, 60_000);

  it('serves its pages by path, so a shared link to /portal/about opens that page', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const res = await page.goto(`${origin}/portal/about`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('h1').textContent()).toBe('关于监督一点通');
    await context.close();
  }, 60_000);
});
