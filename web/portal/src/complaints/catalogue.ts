import type { Static } from 'typebox';
import type { PortalCatalogue } from '../../../../contracts/complaints';
import { call } from '../api';

export type Catalogue = Static<typeof PortalCatalogue>;
export type CatalogueOrg = Catalogue['orgs'][number];

export function loadCatalogue(): Promise<Catalogue> {
  return call<Catalogue>('/api/portal/complaints/catalogue');
}

/** "上级 / 下级" for each org, so two 第一党支部 under different parents can be told apart. */
export function orgPaths(orgs: readonly CatalogueOrg[]): Map<string, string> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const paths = new Map<string, string>();
  for (const o of orgs) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let p = o.parentId ? byId.get(o.parentId) : undefined; p && !seen.has(p.id); p = p.parentId ? byId.get(p.parentId) : undefined) {
      seen.add(p.id);
      names.unshift(p.name);
    }
    paths.set(o.id, names.join(' / '));
  }
  return paths;
}

/** Orgs whose name or parent path contains every word of the query, in catalogue order. */
export function searchOrgs(orgs: readonly CatalogueOrg[], paths: Map<string, string>, query: string): CatalogueOrg[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...orgs];
  return orgs.filter((o) => {
    const hay = `${o.name} ${paths.get(o.id) ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The org a QR code names (`?org=<id>`), when the catalogue knows it. */
export function orgFromQuery(search: string, orgs: readonly CatalogueOrg[]): { id: string | null; unknown: boolean } {
  const id = new URLSearchParams(search).get('org');
  if (!id) return { id: null, unknown: false };
  return orgs.some((o) => o.id === id) ? { id, unknown: false } : { id: null, unknown: true };
}
