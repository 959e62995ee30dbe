/**
 * The service worker: registered at start; a new version waits (prompt mode) and is
 * applied only while the welcome screen shows, never during a survey.
 */
import { registerSW } from 'virtual:pwa-register';
import { atNextWelcome } from '../welcome-moment';

/** Kiosks run for days: look for a new version this often. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      atNextWelcome(() => void updateServiceWorker(true));
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
