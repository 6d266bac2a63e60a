import { defineComponent } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { routes } from './routes';

const Blank = defineComponent({ render: () => null });

const stub = (rs: RouteRecordRaw[]): RouteRecordRaw[] =>
  rs.map((r) => ({ ...r, ...('component' in r && r.component ? { component: Blank } : {}), ...(r.children ? { children: stub(r.children) } : {}) }) as RouteRecordRaw);

/**
 * For component tests: the app's routes with every page replaced by an empty one, so links resolve as in the
 * app while the router's first navigation loads no page lazily — a page still loading when its test file ends
 * fails the run after the environment is gone.
 */
export const stubbedRoutes = (): RouteRecordRaw[] => stub(routes);
