/**
 * Changes that reload the app (a new app version, a new survey version, new kiosk options)
 * wait for the welcome screen, so no patron ever loses a half-answered survey to them.
 */

let showingWelcome = false;
const waiting: (() => void)[] = [];

function runIfSafe(): void {
  while (showingWelcome && waiting.length > 0) waiting.shift()?.();
}

/** The kiosk reports where it is. */
export function reportWelcomeScreen(showing: boolean): void {
  showingWelcome = showing;
  runIfSafe();
}

/** Runs the action now if the welcome screen shows, otherwise when it next does. */
export function atNextWelcome(action: () => void): void {
  waiting.push(action);
  runIfSafe();
}
