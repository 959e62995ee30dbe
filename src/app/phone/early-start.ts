/**
 * A tap on Start before the app is ready is never lost. The collector writes a public
 * link's first screen into the page (first-screen.tsx), so a visitor sees Start seconds
 * before the app's scripts have arrived and run. EARLY_START_SCRIPT, inline in the page
 * right after that screen (its hash in the page's Content-Security-Policy), marks the
 * button busy and remembers a tap; once the app has rendered its own screen,
 * replayEarlyStart() forgets the page's listener and, if there was a tap, taps the app's
 * Start for the visitor.
 *
 * The script also makes the browser's number formatting ready while the app's scripts are
 * still on their way. The first `Intl.NumberFormat` of a page loads the browser's number
 * data, which took 33–65 ms in Chromium on a 2-core server (120–210 ms with the CPU slowed
 * 4×, the phone benchmark's setting), and the app's first render needs one (the text-size
 * percentages of the access bar). Chromium loads that data once for the whole renderer,
 * so the script starts a worker (public/intl-warmup.js, named with the page's language)
 * that makes one on its own thread: the page's thread only starts the worker, where a
 * formatter made on it, even in a task after the first frame, was one long task between
 * the first screen and the app's. The worker has the time the app's script takes to
 * arrive and run (several hundred ms over mobile data); one that has not finished by the
 * time the app makes its formatter saves less, or nothing. It is started after the first
 * frame, so it never delays the first paint. A browser that cannot start it, or keeps the
 * data per thread, makes the app's formatter as before.
 */

/** The worker that makes the first number formatter off the page's thread (public/). */
export const INTL_WARMUP_WORKER = '/intl-warmup.js';

/** The property of `window` the inline script and the app share. */
const EARLY_START = '__earlyStart';

interface EarlyStart {
  tapped: boolean;
  /** Removes the inline script's listener (the app's own button may be the same node). */
  off: () => void;
}

/**
 * The page's inline script: plain ES5 in one line, run by the parser as soon as the first
 * screen above it is in the DOM. Its exact text is hashed into the page's policy.
 */
export const EARLY_START_SCRIPT = `(function(){var b=document.querySelector('[data-early-start]');if(!b)return;b.setAttribute('aria-busy','true');var s={tapped:false,off:function(){b.removeEventListener('click',h)}};function h(){s.tapped=true}b.addEventListener('click',h);window.${EARLY_START}=s;requestAnimationFrame(function(){setTimeout(function(){try{new Worker('${INTL_WARMUP_WORKER}',{name:document.documentElement.lang})}catch(e){}},0)})})();`;

/** The Start button of the app's welcome screen (kiosk/WelcomeScreen.tsx). */
const APP_START = '.welcome .button-primary';

/** Removes the page's listener and what it kept: for a screen with no Start. */
export function forgetEarlyStart(): EarlyStart | undefined {
  const holder = globalThis as { [EARLY_START]?: EarlyStart };
  const state = holder[EARLY_START];
  if (!state) return undefined;
  state.off();
  delete holder[EARLY_START];
  return state;
}

/**
 * Called once the app has rendered into `root`: a tap the page kept is replayed on the
 * app's Start button (when the app shows one: a resumed survey or a notice has none).
 */
export function replayEarlyStart(root: HTMLElement): void {
  if (forgetEarlyStart()?.tapped) root.querySelector<HTMLButtonElement>(APP_START)?.click();
}
