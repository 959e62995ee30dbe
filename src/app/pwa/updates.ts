/**
 * The service worker: registered once the first screen is up (after-first-screen.ts), so
 * its precaching does not compete with it; a new version waits (prompt mode) and is
 * applied only while the welcome screen shows, never during a survey.
 */
import { registerSW } from 'virtual:pwa-register';
import { atNextWelcome } from '../welcome-moment';

/** Kiosks run for days: look for a new version this often. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let registered = false;

/** Registers the worker; a second call (a start that failed after the first screen) does nothing. */
export function startServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      atNextWelcome(() => void updateServiceWorker(true));
    },
    // The new worker takes over once the old one has no event left to finish, which for a
    // Background Sync run can be minutes after the welcome screen applied it: the reload
    // that follows waits for the welcome screen again.
    onNeedReload() {
      atNextWelcome(() => location.reload());
    },
    onOfflineReady() {
      document.documentElement.dataset.offlineReady = 'true';
    },
    onRegisteredSW(_url, registration) {
      if (registration?.active) document.documentElement.dataset.offlineReady = 'true';
      if (registration) setInterval(() => void registration.update(), UPDATE_CHECK_INTERVAL_MS);
    },
    onRegisterError(error) {
      console.error('service worker registration failed', error);
    },
  });
}
