import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The console (issue #19): built into dist/console, served by the api at `/` (same origin: the session cookie and
 * its CSRF token). No dev server is needed to use it; `npm run build` builds it with the api.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  build: { outDir: resolve(__dirname, '../../dist/console'), emptyOutDir: true, assetsDir: 'assets', target: 'es2022', reportCompressedSize: false },
  oxc: { jsx: { runtime: 'automatic' } },
});
