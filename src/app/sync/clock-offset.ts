/**
 * Estimates (server clock − device clock) from one request: the server read its clock at
 * some moment between our send and our receive, so the midpoint is the best guess, with an
 * error of at most half the round trip (the same reasoning as NTP's offset, RFC 5905).
 * The estimate is stored and sent along with responses; it never refuses anything.
 */

/** The offset in whole ms, or undefined when serverTime is not a readable timestamp. */
export function estimateClockOffsetMs(
  serverTime: string,
  sentAt: number,
  receivedAt: number,
): number | undefined {
  const server = Date.parse(serverTime);
  if (!Number.isFinite(server) || receivedAt < sentAt) return undefined;
  return Math.round(server - (sentAt + receivedAt) / 2);
}
