import { describe, expect, it } from 'vitest';
import { baseCompile } from '@intlify/message-compiler';
import { ErrorStatus } from '../../../../contracts/errors';
import { allPermissions, builtinRoles } from '../../../../contracts/permissions';
import { settingKeys } from '../../../../contracts/settings';
import { orgKinds } from '../../../../contracts/orgs';
import { dictionaryDefaults } from '../../../../contracts/dictionaries';
import { appLocales, loadMessages, type MessageTree } from '../i18n/messages';

const messages = loadMessages();

function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const flat = Object.fromEntries(appLocales.map((l) => [l, flatten(messages[l] as MessageTree)])) as Record<(typeof appLocales)[number], Map<string, string>>;

function has(locale: (typeof appLocales)[number], key: string): boolean {
  return flat[locale].has(key);
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin locales', () => {
  it('load every namespace in both languages', () => {
    const zh = Object.keys(messages['zh-CN']).sort();
    expect(zh.length).toBeGreaterThan(10);
    expect(Object.keys(messages['en-US']).sort()).toEqual(zh);
  });

  it('have no key in one language only', () => {
    const onlyZh = [...flat['zh-CN'].keys()].filter((k) => !has('en-US', k));
    const onlyEn = [...flat['en-US'].keys()].filter((k) => !has('zh-CN', k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
  });

  it('use the same parameters in both languages', () => {
    const differ = [...flat['zh-CN']].filter(([k, zh]) => placeholders(zh).join() !== placeholders(flat['en-US'].get(k) ?? '').join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('compile every message without syntax errors (no stray | @ { } in text)', () => {
    const broken: string[] = [];
    for (const l of appLocales) {
      for (const [k, v] of flat[l]) {
        baseCompile(v, { onError: () => broken.push(`${l}:${k}`) });
      }
    }
    expect(broken).toEqual([]);
  });

  it('translate every error code of the API in both languages', () => {
    const missing = appLocales.flatMap((l) => Object.keys(ErrorStatus).filter((c) => !has(l, `errors.${c}`)).map((c) => `${l}:${c}`));
    expect(missing).toEqual([]);
  });

  it('name every permission, built-in role, setting, org kind and dictionary', () => {
    const keys = [
      ...allPermissions.map((p) => `roles.permissions.${p}`),
      ...Object.keys(builtinRoles).map((r) => `roles.builtin.${r}`),
      ...settingKeys.map((k) => `system.settings.items.${k}.label`),
      ...settingKeys.map((k) => `system.settings.sections.${k.split('.')[1]}`),
      ...orgKinds.map((k) => `orgs.kinds.${k}`),
      ...Object.keys(dictionaryDefaults).map((d) => `system.dicts.names.${d}`),
    ];
    const missing = appLocales.flatMap((l) => keys.filter((k) => !has(l, k)).map((k) => `${l}:${k}`));
    expect(missing).toEqual([]);
  });
});
