/**
 * The service worker and web app manifest: what is precached so a kiosk that loaded once
 * keeps working offline, and how updates wait for the welcome screen (prompt mode).
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { ADMIN_PRECACHE_IGNORES } from './admin-build.ts';
import { PHONE_PRECACHE_IGNORES } from './phone-build.ts';

/** Precache limit per file; vite-plugin-pwa fails the build when a file is skipped for size. */
const MAX_PRECACHE_FILE_BYTES = 1024 * 1024;

export const PRECACHE_GLOB_PATTERNS = ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'];

/**
 * Build by-products that are not part of the app and are never served to a browser, and
 * the librarians' dashboard, which no kiosk needs (config/admin-build.ts).
 */
export const NOT_PRECACHED = [
  '.vite/**',
  'stats.html',
  ...ADMIN_PRECACHE_IGNORES,
  ...PHONE_PRECACHE_IGNORES,
];

export const pwaOptions: Partial<VitePWAOptions> = {
  // Prompt mode: a new version waits until the app calls updateSW(), which it does only
  // on the welcome screen, so a patron never loses a half-answered survey to a reload.
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    id: '/',
    name: 'Library survey',
    short_name: 'Survey',
    description: 'Tell your library how well it serves you.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#ffffff',
    theme_color: '#1d4f91',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      {
        src: 'icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  },
  // Our own worker (src/worker/, its README says what it does), built into
  // dist/client/sw.js with the precache manifest injected.
  strategies: 'injectManifest',
  srcDir: 'src/worker',
  filename: 'sw.ts',
  injectManifest: {
    globPatterns: PRECACHE_GLOB_PATTERNS,
    globIgnores: NOT_PRECACHED,
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    // One classic script: Safari on iOS 16 does not run module workers.
    rollupFormat: 'iife',
  },
};
