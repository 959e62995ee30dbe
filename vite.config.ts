import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ADMIN_BUILD_MODE, adminBuildConfig, adminDevPages } from './config/admin-build.ts';
import { appVersionDefine } from './config/app-version.ts';
import { buildChecks } from './config/build-checks.ts';
import { PHONE_BUILD_MODE, phoneBuildConfig } from './config/phone-build.ts';
import { preloadFirstScreen } from './config/preload-first-screen.ts';
import { pwaOptions } from './config/pwa.ts';
import { ZOD_MINI_AS_CLASSIC } from './config/zod-flavours.ts';

/** Dependencies bundled into dist/server/collector.js, subpath imports included. */
const SERVER_BUNDLED_DEPENDENCIES = /^(kysely|zod|hono|@hono\/node-server)(\/|$)/;

export default defineConfig(({ isSsrBuild, mode }): UserConfig => {
  if (isSsrBuild) {
    return {
      // The collector: one Node bundle. The pure-JS libraries every request uses are
      // bundled into it, so Node loads only the parts the collector imports instead of
      // each package's every module; the rest (native, or loaded lazily) stays in
      // node_modules. A public link's first screen (the app's markup, rendered by the
      // collector) is JSX for Preact, in a chunk of its own that only that page loads.
      ssr: { noExternal: SERVER_BUNDLED_DEPENDENCIES },
      // The contract's zod/mini schemas are classic zod's here: faster parsers (the module).
      resolve: { alias: ZOD_MINI_AS_CLASSIC },
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        ssr: 'src/server/collector.ts',
        // `vite build --ssr` (package.json) sets build.ssr to true, which replaces the entry
        // above; the input keeps the collector as the entry either way.
        // V8 keeps the bundle's source in memory for as long as the collector runs, one
        // byte a character when all of it is ASCII, two when any character is not (the
        // translations, the doc comments). So non-ASCII characters are escaped and doc
        // comments left out (the source map still points into the sources): 2.8 MB → 1.2 MB.
        rolldownOptions: {
          input: 'src/server/collector.ts',
          output: {
            charset: 'ascii',
            comments: { legal: true, annotation: false, jsdoc: false },
          },
        },
        outDir: 'dist/server',
        copyPublicDir: false,
        target: 'node22',
        emptyOutDir: true,
        sourcemap: true,
      },
    };
  }
  // The librarians' dashboard: a second client build beside the kiosk's.
  if (mode === ADMIN_BUILD_MODE) return adminBuildConfig([preact()]);
  if (mode === PHONE_BUILD_MODE) {
    // A public link's page: the phone's own entry, beside the kiosk's (config/phone-build.ts).
    return {
      ...phoneBuildConfig([
        preact(),
        // Only the plugin that provides `virtual:pwa-register`; the kiosk's build wrote the worker.
        VitePWA(pwaOptions).filter((plugin) => plugin.name === 'vite-plugin-pwa'),
      ]),
      define: appVersionDefine(),
    };
  }
  return {
    // The dev server serves both pages: the kiosk at /, the dashboard at /admin/.
    plugins: [preact(), VitePWA(pwaOptions), preloadFirstScreen(), buildChecks(), adminDevPages()],
    build: { outDir: 'dist/client', emptyOutDir: true, manifest: true, sourcemap: false },
    define: appVersionDefine(),
    server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  };
});
