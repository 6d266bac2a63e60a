import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portalSections } from '../../../contracts/portal';
import { catalogKeys, locale, t } from './i18n';

const srcDir = path.dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('portal locales', () => {
  it('have the same keys in zh-CN and en-US', () => {
    const zh = catalogKeys('zh-CN');
    const en = new Set(catalogKeys('en-US'));
    expect(zh.length).toBeGreaterThan(20);
    expect(zh.filter((k) => !en.has(k)), 'only in zh-CN').toEqual([]);
    expect([...en].filter((k) => !zh.includes(k)), 'only in en-US').toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const holes = (l: 'zh-CN' | 'en-US', k: string) => {
      locale.value = l;
      return (t(k).match(/\{\w+\}/g) ?? []).sort();
    };
    for (const k of catalogKeys('zh-CN')) expect(holes('en-US', k), k).toEqual(holes('zh-CN', k));
    locale.value = 'zh-CN';
  });

  it('hold every key the sources ask for, and the texts of every portal section', () => {
    const keys = new Set(catalogKeys('zh-CN'));
    const used = sourceFiles(srcDir).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !keys.has(k)), 'missing keys').toEqual([]);
    const cards = portalSections.filter((s) => s !== 'home' && s !== 'about');
    const sectionKeys = cards.flatMap((s) => ['mark', 'title', 'text'].map((f) => `sections.${s}.${f}`));
    expect(sectionKeys.filter((k) => !keys.has(k)), 'missing section texts').toEqual([]);
  });

  it('fill placeholders and fall back to the key itself', () => {
    expect(t('footer.owner', { year: 2026, name: '测试单位' })).toBe('© 2026 测试单位');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
