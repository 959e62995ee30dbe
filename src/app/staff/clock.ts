/**
 * The staff view's clock, for the PIN lockout: the browser's, which the browser tests
 * replace with Playwright's fake one. The lockout's decisions (pin-lockout.ts) take the
 * time as a parameter and are tested with fixed instants.
 */
export function staffNow(): number {
  return Date.now();
}
