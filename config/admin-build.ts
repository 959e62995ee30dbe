/**
 * The librarians' dashboard (admin.html, src/admin) is built by a second client build into
 * the same dist/client, after the kiosk's. Built apart, it cannot move a module of the
 * kiosk into a shared chunk: an admin change never changes a kiosk file, so kiosks in the
 * field are not sent an update for it, and the kiosk's first screen and precache stay what
 * the kiosk build made. Its files live under assets/admin/, which the service worker
 * ignores, and the check below fails the build if any of them is precached all the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import { besideKioskBuild, precachedUrls } from './beside-kiosk.ts';
import { ZOD_MINI_AS_CLASSIC } from './zod-flavours.ts';

/** `vite build --mode admin` builds the dashboard (package.json's build script). */
export const ADMIN_BUILD_MODE = 'admin';
export const ADMIN_HTML = 'admin.html';
/** Every script, style and text of the dashboard; served as immutable like the rest of assets/. */
export const ADMIN_ASSETS_DIR = 'assets/admin';
/** Its own manifest, so the kiosk's .vite/manifest.json (the first-screen measure) stays the kiosk's. */
export const ADMIN_MANIFEST = '.vite/admin-manifest.json';
/** The kiosk's service worker leaves these alone (workbox globIgnores). */
export const ADMIN_PRECACHE_IGNORES = [ADMIN_HTML, `${ADMIN_ASSETS_DIR}/**`];

/** Whether a file of dist/client (a path relative to it) belongs to the dashboard. */
export function isAdminFile(file: string): boolean {
  return file === ADMIN_HTML || file.startsWith(`${ADMIN_ASSETS_DIR}/`);
}

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
}

/** Every file the dashboard's build wrote, from its manifest, admin.html included. */
export function adminBuildFiles(outDir: string): string[] {
  const path = join(outDir, ADMIN_MANIFEST);
  if (!existsSync(path)) return [];
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>([ADMIN_HTML]);
  for (const chunk of Object.values(manifest)) {
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      files.add(file);
    }
  }
  return [...files].sort();
}

/** Dashboard files the kiosk's service worker would precache: always [] in a good build. */
export function adminFilesInPrecache(outDir: string): string[] {
  const built = new Set(adminBuildFiles(outDir));
  return precachedUrls(outDir).filter((url) => isAdminFile(url) || built.has(url));
}

/** The dashboard's build: one HTML entry, everything under assets/admin/, no service worker. */
export function adminBuildConfig(plugins: PluginOption[]): UserConfig {
  return {
    ...besideKioskBuild({
      plugins: [...plugins, adminBuildChecks()],
      assetsDir: ADMIN_ASSETS_DIR,
      manifest: ADMIN_MANIFEST,
      rolldownOptions: { input: ADMIN_HTML },
    }),
    // Its own schemas are classic zod; the contract's resolve to it too (one copy of zod).
    resolve: { alias: ZOD_MINI_AS_CLASSIC },
  };
}

/** After the dashboard's build: none of it may be in the kiosk's precache. */
function adminBuildChecks(): Plugin {
  let outDir = '';
  return {
    name: 'library-survey:admin-build-checks',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (!existsSync(join(outDir, 'sw.js'))) {
          throw new Error('Build the kiosk first (npm run build): the dashboard builds beside it.');
        }
        const leaked = adminFilesInPrecache(outDir);
        if (leaked.length > 0) {
          throw new Error(
            `The kiosk's service worker precaches files of the dashboard; every kiosk would download them:\n  ${leaked.join('\n  ')}\n` +
              'Keep the dashboard under assets/admin/ and in NOT_PRECACHED (config/pwa.ts).',
          );
        }
      },
    },
  };
}

/** In `npm run dev`, /admin/ and its page paths are the dashboard, as the collector serves them. */
export function adminDevPages(): Plugin {
  return {
    name: 'library-survey:admin-dev-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split(/[?#]/)[0] ?? '';
        if (/^\/admin(\/[^.]*)?$/.test(path)) req.url = `/${ADMIN_HTML}`;
        next();
      });
    },
  };
}
