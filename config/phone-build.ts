/**
 * The phone's own entry (src/app/phone/main.tsx) is built by a client build of its own into
 * the same dist/client, after the kiosk's, like the dashboard (admin-build.ts): a public
 * link's page names it instead of the kiosk's entry (src/server/http/static-app.ts), so a
 * visitor's phone over mobile data downloads and runs the phone's code alone, none of the
 * kiosk's start, staff screens or services. Built apart, it leaves every file of the
 * kiosk's build as that build made it. Its entry lives under assets/phone/, which the
 * service worker does not precache: a phone offline, or opening the link again under the
 * worker, gets index.html, whose entry starts phone mode on `/s/` all the same. The chunks
 * it loads later (another language's texts, the masking module a response is saved with)
 * are the kiosk's own files, byte for byte, so the same names: the service worker has them
 * for a phone that lost its signal. The check below fails the build if one is not.
 *
 * The masking module (src/shared/privacy/personal-data.ts) is the exception: in the kiosk's
 * build its chunk imports the kiosk's entry (for constants the entry holds), so the phone
 * cannot share it, and it goes under assets/phone/ with the entry. A phone loads it once its
 * first screen is up (phone/boot.tsx), while it has the signal it opened the link with; one
 * that queues a response without it queues the text as typed, and the collector masks it on
 * arrival (store/responses.ts), so nothing is lost for want of it.
 */
import { join } from 'node:path';
import type { Plugin, PluginOption, UserConfig } from 'vite';
import { besideKioskBuild, precachedUrls } from './beside-kiosk.ts';

/** `vite build --mode phone` builds the phone's entry (package.json's build script). */
export const PHONE_BUILD_MODE = 'phone';
/** The entry, as the manifest keys it. */
const PHONE_ENTRY = 'src/app/phone/main.tsx';
/** Every chunk of the phone's build; served as immutable like the rest of assets/. */
const PHONE_ASSETS_DIR = 'assets/phone';
/** Its own manifest, so the kiosk's .vite/manifest.json stays the kiosk's. */
const PHONE_MANIFEST = '.vite/phone-manifest.json';
/** The module whose chunk the phone keeps under assets/phone/ (see above). */
const MASKING_MODULE = 'src/shared/privacy/personal-data.ts';
/** The kiosk's service worker leaves these alone (workbox globIgnores). */
export const PHONE_PRECACHE_IGNORES = [`${PHONE_ASSETS_DIR}/**`];

/** Whether a file of dist/client (a path relative to it) belongs to the phone's build. */
export function isPhoneFile(file: string): boolean {
  return file.startsWith(`${PHONE_ASSETS_DIR}/`);
}

/**
 * The phone's build: one script entry, no HTML (the collector writes its page), no service
 * worker of its own. `plugins` are the kiosk's, less the service worker's generation: the
 * app's registration (`virtual:pwa-register`) is the same as the kiosk's.
 */
export function phoneBuildConfig(plugins: PluginOption[]): UserConfig {
  return besideKioskBuild({
    plugins: [...plugins, phoneBuildChecks()],
    assetsDir: PHONE_ASSETS_DIR,
    manifest: PHONE_MANIFEST,
    rolldownOptions: {
      input: PHONE_ENTRY,
      // Named as the kiosk's build names them: the same files, already precached. The
      // masking module's is the phone's own (see above).
      output: {
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.endsWith(MASKING_MODULE)
            ? `${PHONE_ASSETS_DIR}/[name]-[hash].js`
            : 'assets/[name]-[hash].js',
      },
    },
  });
}

/** The chunks a phone build wrote outside assets/phone/ that the kiosk's worker does not precache. */
export function phoneChunksNotPrecached(written: readonly string[], precached: readonly string[]) {
  const cached = new Set(precached);
  return written.filter((file) => !isPhoneFile(file) && !cached.has(file));
}

/** After the phone's build: every chunk it loads after its entry is one the worker precaches. */
function phoneBuildChecks(): Plugin {
  let outDir = '';
  const written: string[] = [];
  return {
    name: 'library-survey:phone-build-checks',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') written.push(item.fileName);
      }
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const missing = phoneChunksNotPrecached(written, precachedUrls(outDir));
        if (missing.length > 0) {
          throw new Error(
            `The phone's build wrote chunks the kiosk's build did not (build the kiosk first), which its service worker does not precache, so a phone offline could not load them:\n  ${missing.join('\n  ')}`,
          );
        }
      },
    },
  };
}
