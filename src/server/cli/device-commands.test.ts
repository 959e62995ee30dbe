/** device responses and device quarantine, run as the CLI over a collector's database. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { SURVEY_ID } from '../../../test/fixtures/survey-package';
import { testDialects } from '../../../test/fixtures/test-databases';
import { main } from '../collector';
import { ALL_BRANCHES, countResponses, responseCounts } from '../storage';

const lines = (host: { output: string[] }) => host.output.join('\n').split('\n');

describe.each(testDialects)('the device commands on $name', (dialect) => {
  let collector: TestCollector;
  let token: string;

  async function cli(...argv: string[]) {
    const host = testHost({ ...collector.database.env, TIME_ZONE });
    await main(argv, host);
    return host;
  }

  /** Sends `count` responses as the device at an instant of the collector's clock. */
  async function sendAt(at: string, count: number) {
    collector.clock.now = new Date(at);
    await collector.sync(
      token,
      Array.from({ length: count }, () => makeResponse()),
    );
  }

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    token = await collector.enroll(DEVICE_ID, 'main');
    await sendAt('2026-11-20T10:00:00.000Z', 2);
    // 23:30 UTC is already the 21st in Ljubljana.
    await sendAt('2026-11-20T23:30:00.000Z', 3);
    await sendAt('2026-11-23T08:00:00.000Z', 4);
  });
  afterEach(() => collector.close());

  it('counts a device’s responses per day they arrived in TIME_ZONE, with the total', async () => {
    expect(lines(await cli('device', 'responses', DEVICE_ID))).toEqual([
      'DAY         RESPONSES  QUARANTINED',
      '2026-11-20  2          0',
      '2026-11-21  3          0',
      '2026-11-23  4          0',
      'Total: 9 responses in the results, 0 quarantined (days they arrived, Europe/Ljubljana).',
    ]);
    expect(lines(await cli('device', 'responses', DEVICE_ID, '--from', '2026-11-21'))).toEqual([
      'DAY         RESPONSES  QUARANTINED',
      '2026-11-21  3          0',
      '2026-11-23  4          0',
      'Total from 2026-11-21: 7 responses in the results, 0 quarantined (days they arrived, Europe/Ljubljana).',
    ]);
    expect((await cli('device', 'responses', DEVICE_ID, '--from', '2026-12-01')).output).toEqual([
      `No responses of device ${DEVICE_ID} arrived from 2026-12-01.`,
    ]);
  });

  it('takes the responses from a day on out of the results, and lists them as quarantined', async () => {
    const host = await cli('device', 'quarantine', DEVICE_ID, '--from', '2026-11-21');
    expect(host.output).toEqual([
      `Took 7 responses of device ${DEVICE_ID} that arrived from 2026-11-21 (Europe/Ljubljana) on out of the results; they are kept in quarantine.`,
      'They no longer count in the results, comments or exports; sent again, they are answered as stored and not counted.',
      `The device is still enrolled: if its token was stolen, revoke it (device revoke ${DEVICE_ID}).`,
    ]);
    expect(await countResponses(collector.database.storage)).toBe(2);
    expect(
      await responseCounts(collector.database.storage, { surveyId: SURVEY_ID }, ALL_BRANCHES),
    ).toMatchObject({ responses: 2 });
    expect(lines(await cli('device', 'responses', DEVICE_ID))).toEqual([
      'DAY         RESPONSES  QUARANTINED',
      '2026-11-20  2          0',
      '2026-11-21  0          3',
      '2026-11-23  0          4',
      'Total: 2 responses in the results, 7 quarantined (days they arrived, Europe/Ljubljana).',
    ]);
  });

  it('with --delete erases them, keeping only what answers the device', async () => {
    await cli('device', 'revoke', DEVICE_ID);
    const host = await cli('device', 'quarantine', DEVICE_ID, '--from', '2026-11-23', '--delete');
    expect(host.output).toEqual([
      `Took 4 responses of device ${DEVICE_ID} that arrived from 2026-11-23 (Europe/Ljubljana) on out of the results, and erased 4 (only their ids are kept).`,
      'They no longer count in the results, comments or exports; sent again, they are answered as stored and not counted.',
    ]);
    const kept = await collector.database.storage.db
      .selectFrom('quarantined_responses')
      .select('response')
      .execute();
    expect(kept).toEqual(Array.from({ length: 4 }, () => ({ response: null })));
  });

  it.each([
    [['device', 'quarantine', DEVICE_ID], 'say from which day: --from YYYY-MM-DD'],
    [['device', 'quarantine', DEVICE_ID, '--from', '2026-02-30'], 'must be a day as YYYY-MM-DD'],
    [['device', 'responses', DEVICE_ID, '--from', '21.11.2026'], 'must be a day as YYYY-MM-DD'],
    [['device', 'quarantine', 'nobody', '--from', '2026-11-21'], 'there is no device "nobody"'],
    [['device', 'responses', 'nobody'], 'there is no device "nobody"'],
  ])('refuses %j: %s, changing nothing', async (argv, message) => {
    const host = await cli(...argv);
    expect(host.exitCode).toBe(1);
    expect(host.errors.join('\n')).toContain(message);
    expect(await countResponses(collector.database.storage)).toBe(9);
  });
});
