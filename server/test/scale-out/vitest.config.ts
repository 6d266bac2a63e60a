import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The scale-out test needs PostgreSQL (several processes on one database), so it sits outside the
 * default projects and the PostgreSQL CI leg selects it: `TEST_DATABASE_URL=… npm run test:scale-out`.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    name: 'scale-out',
    include: ['server/test/scale-out/*.pg.spec.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
