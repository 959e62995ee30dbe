/**
 * What the client builds made after the kiosk's have in common (the dashboard's,
 * config/admin-build.ts, and the phone's, config/phone-build.ts): each writes into the
 * kiosk's dist/client beside it, never emptying it, under an assets folder and with a
 * manifest of its own, without copying public/ again (the kiosk's build has) and without
 * source maps; and each checks what it wrote against the kiosk's service worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildEnvironmentOptions, PluginOption, UserConfig } from 'vite';

/**
 * The URLs a built service worker precaches: the entries of the manifest injected into it,
 * which are JSON (`{"revision":…,"url":"…"}`); minified code writes its keys unquoted.
 */
export function precachedUrls(outDir: string): string[] {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** A build beside the kiosk's: `plugins` with its checks, its folder, manifest and input. */
export function besideKioskBuild(build: {
  plugins: PluginOption[];
  assetsDir: string;
  manifest: string;
  rolldownOptions: BuildEnvironmentOptions['rolldownOptions'];
}): UserConfig {
  return {
    plugins: build.plugins,
    // The kiosk build has copied public/ already.
    publicDir: false,
    build: {
      outDir: 'dist/client',
      // The kiosk's build is in there: this build adds to it, never empties it.
      emptyOutDir: false,
      assetsDir: build.assetsDir,
      manifest: build.manifest,
      sourcemap: false,
      rolldownOptions: build.rolldownOptions,
    },
  };
}
