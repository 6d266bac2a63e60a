import { describe, expect, it } from 'vitest';
import { orgFromQuery, orgPaths, searchOrgs, type CatalogueOrg } from './catalogue';

const orgs: CatalogueOrg[] = [
  { id: 'root', name: '长江河道管理局', parentId: null },
  { id: 'a', name: '闸站管理所', parentId: 'root' },
  { id: 'a1', name: '第一党支部', parentId: 'a' },
  { id: 'b', name: '财务处', parentId: 'root' },
  { id: 'b1', name: '第一党支部', parentId: 'b' },
  { id: 'orphan', name: '外部单位', parentId: 'gone' },
];

describe('the org picker', () => {
  it('names each org by its parents, so equal names can be told apart', () => {
    const paths = orgPaths(orgs);
    expect(paths.get('root')).toBe('');
    expect(paths.get('a1')).toBe('长江河道管理局 / 闸站管理所');
    expect(paths.get('b1')).toBe('长江河道管理局 / 财务处');
    expect(paths.get('orphan')).toBe('');
  });

  it('survives a parent loop in bad data', () => {
    const loop: CatalogueOrg[] = [
      { id: 'x', name: 'X', parentId: 'y' },
      { id: 'y', name: 'Y', parentId: 'x' },
    ];
    expect(orgPaths(loop).get('x')).toBe('X / Y');
  });

  it('finds orgs by every word of the query, in name or parents', () => {
    const paths = orgPaths(orgs);
    const ids = (q: string) => searchOrgs(orgs, paths, q).map((o) => o.id);
    expect(ids('')).toEqual(orgs.map((o) => o.id));
    expect(ids('第一党支部')).toEqual(['a1', 'b1']);
    expect(ids('财务 支部')).toEqual(['b1']);
    expect(ids('  闸站 ')).toEqual(['a', 'a1']);
    expect(ids('没有这个')).toEqual([]);
  });

  it('pre-selects the org a QR code names, and says when it names none it knows', () => {
    expect(orgFromQuery('?org=a1', orgs)).toEqual({ id: 'a1', unknown: false });
    expect(orgFromQuery('?org=deleted', orgs)).toEqual({ id: null, unknown: true });
    expect(orgFromQuery('', orgs)).toEqual({ id: null, unknown: false });
  });
});
