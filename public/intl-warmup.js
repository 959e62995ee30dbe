/*
 * A dedicated worker that makes one number formatter and ends. The first
 * `Intl.NumberFormat` a browser's renderer makes loads the number data for all of it: in
 * Chromium 33–65 ms on a 2-core server (about 120–210 ms on the page's thread with the CPU
 * slowed 4×, the phone benchmark's setting), and every later one, in any language and on
 * any thread of the renderer, then costs a few ms at most. Made here, on the worker's
 * own thread, that load is off the page's thread: a public link's early-start script
 * (src/app/phone/early-start.ts) and the kiosk's early script (public/welcome-snapshot.js)
 * start this worker while the app's scripts are on their way, and the app's first render
 * (the access bar's percentages) finds the data ready. Where a browser keeps such data per
 * thread, nothing is lost: the app makes its own as before.
 *
 * The worker's name is the page's language. Plain script, no imports.
 */
try {
  new Intl.NumberFormat(self.name || undefined, { style: 'percent' }).format(1);
} catch {
  // No Intl, or no such language: the page makes its own formatter as it would.
}
close();
