import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/portal', import.meta.url));

/** The public portal: Vue runtime only, no UI kit and no i18n library, so a phone on a slow line loads it quickly. */
export default defineConfig({
  root,
  base: '/portal/',
  plugins: [vue()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  server: {
    host: '127.0.0.1',
    port: 5174,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    // One small entry chunk: there is nothing worth a separate request on a mobile connection.
    modulePreload: { polyfill: false },
  },
});
