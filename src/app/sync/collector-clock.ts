/**
 * Reads the collector's clock (the `serverTime` of GET /health) for a device that has no
 * estimate of its clock offset yet: a tablet just enrolled, or whose data was cleared. The
 * collector counts each response on the day it was answered by the device's time
 * corrected with the offset the batch carries; without this read, the first batch of a
 * tablet whose clock is a year off would count its responses a year away.
 */
import { DEVICE_API } from '../../shared/contract/device-api';
import { estimateClockOffsetMs } from './clock-offset';
import { type CollectorDeps, requestCollector } from './http';
import { readReply } from './reply-body';

/** The offset (collector clock − device clock) in ms, or undefined when it cannot be read. */
export async function readCollectorClock(deps: CollectorDeps): Promise<number | undefined> {
  const outcome = await requestCollector(deps, DEVICE_API.health, {});
  if (outcome.kind !== 'reply') return undefined;
  // A collector whose database is down (503) still says what time it is.
  const reply = readReply(DEVICE_API.health, outcome.body);
  if (!reply.ok) return undefined;
  return estimateClockOffsetMs(reply.value.serverTime, outcome.sentAt, outcome.receivedAt);
}
