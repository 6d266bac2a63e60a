import { reactive } from 'vue';
import type { PortalSection, PortalSite } from '../../../contracts/portal';

export const site = reactive<{ name: string | null; sections: PortalSection[]; failed: boolean }>({ name: null, sections: [], failed: false });

/** The portal's one start-up call. Credentials are omitted: a staff session on this origin has no business here. */
export async function loadSite(): Promise<void> {
  try {
    const res = await fetch('/api/portal/site', { credentials: 'omit', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as PortalSite;
    site.name = body.name;
    site.sections = body.sections;
    site.failed = false;
  } catch {
    site.failed = true;
  }
}
