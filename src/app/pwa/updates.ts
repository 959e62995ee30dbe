/**
 * The service worker: registered at start; a new version waits (prompt mode) and is
 * applied only while the welcome screen shows, never during a survey.
 */
import { registerSW } from 'virtual:pwa-register';

/** Kiosks run for days: look for a new version this often. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let updateWaiting: (() => Promise<void>) | undefined;
let onWelcomeScreen = false;

function applyIfSafe(): void {
  if (onWelcomeScreen && updateWaiting) {
    const apply = updateWaiting;
    updateWaiting = undefined;
    void apply();
  }
}

/** The kiosk tells us where it is; an update waits until the welcome screen. */
export function reportWelcomeScreen(showing: boolean): void {
  onWelcomeScreen = showing;
  applyIfSafe();
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateWaiting = () => updateServiceWorker(true);
      applyIfSafe();
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
