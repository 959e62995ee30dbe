/**
 * The statements of a sync batch on PostgreSQL. Each is a round trip to the server, whose
 * fixed cost (waking the database and being woken again) a busy collector pays on top of
 * the records' own work: a batch took 10 and takes 7. This keeps it there, for a batch of
 * new responses under a daily quota whose day's count is made (the day's first batch
 * makes it, in three more).
 */
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../../../test/fixtures/collector';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { testDialects } from '../../../test/fixtures/test-databases';
import { countResponses } from './index';

const postgres = testDialects.find((dialect) => dialect.name === 'postgres');

/** The statements every client of `pg` sends while this file runs, first words only. */
const sent: string[] = [];
const query = pg.Client.prototype.query;
beforeEach(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown })?.text;
    if (typeof text === 'string') sent.push(text.replace(/\s+/g, ' ').trim().slice(0, 60));
    return (query as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterEach(() => {
  pg.Client.prototype.query = query;
});

let collector: TestCollector | undefined;
afterEach(() => collector?.close());

it.skipIf(!postgres)('a batch of 100 new responses takes 7 statements on PostgreSQL', async () => {
  collector = await startTestCollector(postgres ?? (testDialects[0] as never), {
    deviceLimits: { burst: 1000, perMinute: 1000, dailyQuota: 10_000 },
  });
  const token = await collector.enroll(DEVICE_ID, 'main');
  const batch = () => Array.from({ length: 100 }, () => makeResponse({ location: 'Room 2' }));
  // The day's first batch also counts the device's responses of the day once.
  await collector.sync(token, batch());
  sent.length = 0;
  const reply = await collector.sync(token, batch(), 1500);
  const statements = sent.map((text) => text.split(' ')[0]);
  expect(reply.results.map((result) => result.outcome)).toEqual(Array(100).fill('accepted'));
  expect(await countResponses(collector.database.storage)).toBe(200);
  expect(statements).toEqual([
    'select', // the device, by its token
    'begin',
    'select', // its row locked
    'select', // quarantined ids and the device's day counts
    'insert', // the responses
    'with', // the day counts, the device's last contact, comments and rollups
    'commit',
  ]);
});
