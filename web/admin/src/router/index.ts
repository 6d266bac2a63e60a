import { createRouter, createWebHistory, type Router } from 'vue-router';
import { ElMessage } from 'element-plus';
import { onSessionProblem, type ApiError } from '../api/http';
import { i18n } from '../i18n';
import { useSessionStore } from '../stores/session';
import { showError } from '../utils/errors';
import { resolveNavigation } from './guard';
import { routes, stepRoutes } from './routes';

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory('/'),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (!session.loaded) await session.load().catch(showError);
    return resolveNavigation(to, session);
  });

  router.afterEach((to) => {
    const { t } = i18n.global;
    const title = to.meta.titleKey ? t(to.meta.titleKey) : '';
    document.title = title ? `${title} - ${t('common.appName')}` : t('common.appName');
  });

  onSessionProblem((err: ApiError) => void handleSessionProblem(router, err));
  return router;
}

/** A 401 or an obligation met in the middle of work: send the user to the step that resolves it. */
async function handleSessionProblem(router: Router, err: ApiError): Promise<void> {
  const session = useSessionStore();
  // The first session load answers 401 for every visitor; the guard routes that one itself.
  if (!session.loaded) return;
  const current = router.currentRoute.value;
  if (err.status === 401) {
    const hadSession = session.me !== null;
    session.clear();
    if (current.meta.public && current.name === 'login') return;
    if (hadSession) ElMessage({ type: 'warning', message: i18n.global.t('auth.sessionExpired'), grouping: true });
    await router.replace({ name: 'login', query: current.meta.public ? {} : { redirect: current.fullPath } });
    return;
  }
  await session.load();
  const step = session.pendingStep;
  if (step && current.name !== stepRoutes[step]) await router.replace({ name: stepRoutes[step], query: { redirect: current.fullPath } });
}
