import { ref } from 'vue';

/** Where the server mounts the portal (server/platform/http/static.ts, Vite's `base`); page paths are relative to it. */
const BASE = '/portal';

/** The page path under the base: `/`, `/about`, … (a trailing slash does not make another page). */
export function pagePath(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return rest.replace(/\/+$/, '') || '/';
}

export const currentPath = ref(pagePath(location.pathname));

export function href(to: string): string {
  return to === '/' ? `${BASE}/` : `${BASE}${to}`;
}

/** History navigation without a router library: the portal has a handful of flat pages. */
export function navigate(to: string): void {
  if (to !== currentPath.value) history.pushState(null, '', href(to));
  currentPath.value = to;
  window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => {
  currentPath.value = pagePath(location.pathname);
});
