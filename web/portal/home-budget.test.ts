// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSite } from '../../contracts/portal';
import { installErrorHandler } from '../../server/platform/http/error-handler';
import { installSecurityHeaders } from '../../server/platform/http/security-headers';
import { installStatic } from '../../server/platform/http/static';

/** Budget for the JavaScript a phone downloads to show the home page, gzip-compressed as a server or proxy sends it. */
const HOME_JS_BUDGET = 60 * 1024;
const MIN_TAP_PX = 44;
/** Chunks that belong to other pages: the home page must not fetch them. */
const OTHER_PAGES = /ComplaintPage|FollowPage|StatsPage|altcha|complaints/;
const HMAC_KEY = 'portal-browser-test';
const ORG = '01966a3e-0000-7000-8000-00000000000b';
const receipt = { code: 'TS-2026-0007', receiptCode: '0123456789012345', submittedAt: '2026-03-15T10:00:00+08:00' };
const catalogue = {
  categories: [{ id: 'cat-1', name: '民生资金', nameEn: 'Welfare funds', description: '', matters: [{ id: '01966a3e-0000-7000-8000-000000000001', name: '低保审核发放', description: '', orgId: ORG }] }],
  orgs: [
    { id: '01966a3e-0000-7000-8000-00000000000a', name: '闸站管理所', parentId: null },
    { id: ORG, name: '第一党支部', parentId: '01966a3e-0000-7000-8000-00000000000a' },
  ],
};

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
  // The complaint routes as the portal sees them, with altcha-lib issuing and checking real challenges.
  await app.register(multipart);
  app.get('/api/portal/complaints/catalogue', async () => catalogue);
  app.get('/api/portal/complaints/captcha', async () => createChallenge({ hmacKey: HMAC_KEY, maxnumber: 100_000, expires: new Date(Date.now() + 600_000) }));
  app.post('/api/portal/complaints', async (req, reply) => {
    let data: { captcha?: string } = {};
    for await (const part of req.parts()) {
      if (part.type === 'field' && part.fieldname === 'data') data = JSON.parse(String(part.value)) as { captcha?: string };
      else if (part.type === 'file') await part.toBuffer();
    }
    const solved = typeof data.captcha === 'string' && (await verifySolution(data.captcha, HMAC_KEY));
    if (!solved) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', params: { field: 'captcha' } } });
    return reply.code(201).send(receipt);
  });
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

/** Links, buttons and the labels that wrap radio choices, as a finger meets them. */
function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    return [...document.querySelectorAll<HTMLElement>('a, button, label.chip, label.choice, label.button')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link'))
      .map((el) => ({ text: el.textContent?.trim() ?? '', rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.height < min || rect.width < min)
      .map(({ text, rect }) => `${text} ${Math.round(rect.width)}x${Math.round(rect.height)}`);
  }, MIN_TAP_PX);
}

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
    expect(scripts.filter((s) => OTHER_PAGES.test(s.url)).map((s) => s.url), 'chunks of other pages loaded by the home page').toEqual([]);
    expect(total, `home page JS: ${scripts.map((s) => `${s.url} ${s.bytes} B, gzip ${s.gzip} B`).join('; ')}`).toBeLessThanOrEqual(HOME_JS_BUDGET);
    expect(problems, 'console errors (a CSP violation shows here)').toEqual([]);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('h1').textContent()).toBe('监督一点通');
    expect(await page.locator('.card--soon').count()).toBe(5);
    expect(await smallTapTargets(page), 'tap targets under 44 px').toEqual([]);
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

describe('the complaint page in a phone-sized browser', () => {
  it('solves the altcha proof of work under the CSP, submits and saves the receipt as a PNG', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${origin}/portal/complaint?org=${ORG}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('[data-test="portal-complaint-org-qr"]').textContent()).toContain('第一党支部');
    await page.locator('[data-test="portal-complaint-category-option"]').first().click();
    await page.locator('[data-test="portal-complaint-matter-option"]').first().click();
    await page.locator('[data-test="portal-complaint-content"]').fill('低保名单里有已经去世三年的人，还在领钱。');
    // Focusing the form started the proof of work in a worker served from this origin.
    await expect.poll(() => page.locator('altcha-widget [data-state]').getAttribute('data-state'), { timeout: 30_000 }).toBe('verified');

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await smallTapTargets(page), 'tap targets under 44 px').toEqual([]);

    await page.locator('[data-test="portal-complaint-submit"]').click();
    await expect.poll(() => page.locator('[data-test="receipt-code"]').textContent()).toBe('0123 4567 8901 2345');
    expect(await smallTapTargets(page), 'tap targets under 44 px on the receipt').toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="receipt-save"]').click()]);
    expect(download.suggestedFilename()).toBe('投诉回执-TS-2026-0007.png');
    const png = fs.readFileSync(await download.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16), 'image width').toBe(750);

    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(problems, 'console errors (a CSP violation shows here)').toEqual([]);
    await context.close();
  }, 90_000);
});
