/**
 * Personal data in a free text, sent by a device that did not mask it (an older app), is
 * masked before the collector stores it, and the device's re-send is still a duplicate.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { testDialects } from '../../../test/fixtures/test-databases';
import { SyncBatchReplySchema } from '../../shared/contract/sync';
import { findResponse } from '../storage';

describe.each(testDialects)('free texts arriving unmasked on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    token = await collector.enroll(DEVICE_ID, 'main');
  });
  afterEach(() => collector.close());

  const unmasked = () =>
    makeResponse({
      locale: 'hu',
      answers: {
        ...makeResponse().answers,
        'todays-visit': { selected: ['borrow-return'], other: 'Nyomtatás, kovacs.anna@gmail.com' },
        'one-improvement': 'Hívjanak a 06 30 123 4567-es számon, olvasójegy: 20231234',
      },
    });

  it('stores them masked in the response’s language and answers a re-send with duplicate', async () => {
    const record = unmasked();
    const first = SyncBatchReplySchema.parse(await collector.sync(token, [record]));
    expect(first.results).toEqual([{ id: record.id, outcome: 'accepted' }]);
    const stored = await findResponse(collector.database.storage, record.id);
    expect(stored?.answers).toEqual({
      ...record.answers,
      'todays-visit': { selected: ['borrow-return'], other: 'Nyomtatás, [e-mail-cím]' },
      'one-improvement': 'Hívjanak a [telefonszám]-es számon, olvasójegy: [kártyaszám]',
    });
    expect(JSON.stringify(stored)).not.toMatch(/gmail|4567|20231234/u);

    const again = SyncBatchReplySchema.parse(await collector.sync(token, [{ ...record }]));
    expect(again.results).toEqual([{ id: record.id, outcome: 'duplicate' }]);
  });
});
