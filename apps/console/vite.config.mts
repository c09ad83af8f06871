import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';

/**
 * The console (issue #19): built into dist/console, served by the api at `/` (same origin: the session cookie and
 * its CSRF token). No dev server is needed to use it; `npm run build` builds it with the api.
 */
// An ES module (so Vite loads it natively): its folder from its own URL.
const here = dirname(fileURLToPath(import.meta.url));

/**
 * Every script and style also as .br and .gz beside it, compressed once at build time at the highest level: the api
 * serves them by the browser's Accept-Encoding (@fastify/static `preCompressed`), so no request pays for compressing.
 */
function precompress(): Plugin {
  return {
    name: 'casebook-precompress',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir!, 'assets');
      for (const name of readdirSync(assets).filter((file) => /\.(js|css)$/.test(file))) {
        const content = readFileSync(join(assets, name));
        writeFileSync(join(assets, `${name}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [precompress()],
  root: here,
  base: '/',
  build: {
    outDir: resolve(here, '../../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      // TanStack Query marks its modules "use client" (for React Server Components); a client-only bundle has no use
      // for the directive, and the warning about dropping it is noise in every build.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
