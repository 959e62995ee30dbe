import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ADMIN_BUILD_MODE, adminBuildConfig, adminDevPages } from './config/admin-build.ts';
import { appVersionDefine } from './config/app-version.ts';
import { buildChecks } from './config/build-checks.ts';
import { preloadFirstScreen } from './config/preload-first-screen.ts';
import { pwaOptions } from './config/pwa.ts';

export default defineConfig(({ isSsrBuild, mode }) =>
  mode === ADMIN_BUILD_MODE && !isSsrBuild
    ? // The librarians' dashboard: a second client build beside the kiosk's.
      adminBuildConfig([preact()])
    : isSsrBuild
      ? {
          // The collector: one Node bundle; dependencies stay in node_modules.
          build: {
            ssr: 'src/server/collector.ts',
            // `vite build --ssr` (package.json) sets build.ssr to true, which replaces the entry
            // above; the input keeps the collector as the entry either way.
            rolldownOptions: { input: 'src/server/collector.ts' },
            outDir: 'dist/server',
            copyPublicDir: false,
            target: 'node22',
            emptyOutDir: true,
            sourcemap: true,
          },
        }
      : {
          // The dev server serves both pages: the kiosk at /, the dashboard at /admin/.
          plugins: [
            preact(),
            VitePWA(pwaOptions),
            preloadFirstScreen(),
            buildChecks(),
            adminDevPages(),
          ],
          build: { outDir: 'dist/client', emptyOutDir: true, manifest: true, sourcemap: false },
          define: appVersionDefine(),
          server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
        },
);
