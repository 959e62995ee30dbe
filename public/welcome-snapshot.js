/*
 * A kiosk's warm start paints its welcome screen before the app's scripts have run: the
 * app keeps the welcome screen's markup (src/app/kiosk/welcome-snapshot.ts) once it has
 * shown it in the kiosk's default language, and this script writes it in. index.html loads
 * it right after the app's element, without `defer`: it runs while the page is parsed, so a
 * frame can show the screen before the app's module runs (a file, so the page's policy
 * stays `script-src 'self'`). The app then renders the same markup over it,
 * so nothing moves. Start is marked busy and a tap on it is kept, for the app to replay
 * (phone/early-start.ts); the tap itself asks for fullscreen, as the app's Start does.
 *
 * Nothing is painted on a public link's page, on the staff view (#/staff, #enroll=…), when
 * the app has rendered already, or when the snapshot was kept by another build of the app
 * (its entry script differs). Plain script, no imports: it must run before the bundles.
 *
 * On every start, after the page's first frame (so never before its paint), it starts the
 * worker that makes the page's first number formatter on a thread of its own
 * (public/intl-warmup.js, as a phone's page does: phone/early-start.ts): Chromium loads its
 * number data once per renderer, 33–65 ms on a 2-core server, and the app's first screen
 * needs a formatter (the access bar's percentages) once its scripts have run and its
 * storage is read, by when the worker has made the data ready.
 */
(() => {
  const KEY = 'library-survey.welcome-snapshot';
  const FORMAT = 1;
  // A public link's page served with the kiosk's entry has its own early script, which
  // starts the same worker (phone/early-start.ts).
  if (!document.querySelector('[data-early-start]')) {
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          new Worker('/intl-warmup.js', { name: document.documentElement.lang });
        } catch {
          // A browser without workers: the app makes its first formatter itself, as before.
        }
      }, 0),
    );
  }
  try {
    const path = location.pathname;
    if ((path !== '/' && path !== '/index.html') || location.hash) return;
    const root = document.getElementById('app');
    if (!root || root.firstChild) return;
    const text = localStorage.getItem(KEY);
    if (!text) return;
    const snapshot = JSON.parse(text);
    const entry = document.querySelector('script[type="module"][src]');
    if (
      !snapshot ||
      snapshot.format !== FORMAT ||
      typeof snapshot.html !== 'string' ||
      typeof snapshot.lang !== 'string' ||
      typeof snapshot.title !== 'string' ||
      !entry ||
      snapshot.entry !== entry.getAttribute('src')
    ) {
      return;
    }
    document.documentElement.lang = snapshot.lang;
    document.title = snapshot.title;
    root.innerHTML = snapshot.html;
    // Inline styles (a branch's accent) are set through the CSSOM, which the policy allows.
    for (const styled of root.querySelectorAll('[data-snapshot-style]')) {
      styled.style.cssText = styled.getAttribute('data-snapshot-style');
      styled.removeAttribute('data-snapshot-style');
    }
    const start = root.querySelector('.welcome .button-primary');
    if (!start) return;
    start.setAttribute('aria-busy', 'true');
    const kept = {
      tapped: false,
      off: () => start.removeEventListener('click', tap),
    };
    function tap() {
      kept.tapped = true;
      // The app's own Start asks for fullscreen; a replayed tap is no user gesture, this is.
      const page = document.documentElement;
      if (!document.fullscreenElement && page.requestFullscreen) {
        page.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
      }
    }
    start.addEventListener('click', tap);
    window.__earlyStart = kept;
  } catch {
    // No storage, or a snapshot that does not read: the app paints the screen itself.
  }
})();
