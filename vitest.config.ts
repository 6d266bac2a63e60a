import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `unit` (pure code, no database), `integration` (routes and repositories through
 * app.inject on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set) and `web` (components in happy-dom).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['server/**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // No settings or calendar cache: a read on the root database inside a transaction always fails.
          env: { QINGFENG_CACHE_TTL_MS: '0' },
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'web',
          include: ['web/**/*.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['element-plus'] } },
        },
      },
    ],
  },
});
