/**
 * A file of a device's responses imported while the device syncs the same responses: both
 * take the device's row first (PostgreSQL), so neither waits on the other in a circle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { testDialects } from '../../../test/fixtures/test-databases';
import { countResponses } from '../storage';
import { ingestBatch } from './ingest';

describe.each(testDialects)('a file imported alongside a sync on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;
  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    token = await collector.enroll(DEVICE_ID, 'main');
  });
  afterEach(() => collector.close());

  it('stores every response once, whichever comes first', async () => {
    for (let round = 0; round < 5; round += 1) {
      const responses = Array.from({ length: 100 }, () => makeResponse());
      const [synced, imported] = await Promise.all([
        collector.sync(token, responses),
        ingestBatch(
          collector.database.storage,
          {
            device: { id: DEVICE_ID, branchId: 'main' },
            responses: [...responses].reverse(),
            timeZone: TIME_ZONE,
            fromFile: true,
          },
          () => collector.clock.now,
        ),
      ]);
      const accepted = [...synced.results, ...imported.reply.results].filter(
        (r) => r.outcome === 'accepted',
      );
      expect(accepted).toHaveLength(100);
    }
    expect(await countResponses(collector.database.storage)).toBe(500);
  });
});
