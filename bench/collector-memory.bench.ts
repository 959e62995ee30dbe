/**
 * The collector's memory under a sustained ingest: the real collector bundle (what
 * `npm start` runs, SQLite in a data folder of its own) as a process of its own, fed
 * 100,000 complete responses in batches of 100 over HTTP by four enrolled kiosks sending
 * at once, while its resident set is read from /proc/<pid>/status (VmRSS) every 100 ms.
 * Prints the peak and the last RSS, and the responses per second it took over real HTTP.
 * The target is a peak of at most 150 MB.
 */
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import type { EnrollReply } from '../src/shared/contract/device';
import { apiPath, ENDPOINTS } from '../src/shared/contract/endpoints';
import type { SyncBatchReply } from '../src/shared/contract/sync';
import {
  BENCH_DEVICE_LIMITS,
  type RunningCollector,
  startCollector,
} from '../test/e2e/support/collector';
import { makeResponse } from '../test/fixtures/responses';
import { newEnrollmentCode } from './enrollment';

const RESPONSES = 100_000;
const KIOSKS = 4;
const SAMPLE_EVERY_MS = 100;
const MB = 1_000_000;

/** The process's resident set in bytes, from the kernel's own account. */
function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
}

/** The resident set's parts (anonymous, file-backed, shared memory) as the kernel reports them. */
function residentParts(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return ['RssAnon', 'RssFile', 'RssShmem']
    .map((name) => {
      const kb = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
      return `${name} ${kb === undefined ? '?' : ((Number(kb) * 1024) / MB).toFixed(0)} MB`;
    })
    .join(', ');
}

async function enrollKiosk(
  collector: RunningCollector,
): Promise<{ deviceId: string; token: string }> {
  const code = await newEnrollmentCode(collector);
  const deviceId = crypto.randomUUID();
  const res = await fetch(`${collector.url}${apiPath(ENDPOINTS.enroll)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId }),
  });
  if (res.status !== 200) throw new Error(`enroll answered ${res.status}: ${await res.text()}`);
  return { deviceId, token: ((await res.json()) as EnrollReply).token };
}

/**
 * Records per batch: 100, what a kiosk sent when the README's figures were taken (it sends
 * up to 500 now, SYNC_BATCH_RECORDS); kept so that the figures stay comparable.
 */
const BATCH_RECORDS = 100;

/** One kiosk sending its share in batches, one batch at a time, as the sync engine does. */
async function sendAll(
  collector: RunningCollector,
  kiosk: { deviceId: string; token: string },
  count: number,
  progress: { stored: number },
): Promise<void> {
  for (let sent = 0, seq = 1; sent < count; sent += BATCH_RECORDS) {
    const responses = Array.from({ length: Math.min(BATCH_RECORDS, count - sent) }, () =>
      makeResponse({ deviceId: kiosk.deviceId, deviceSeq: seq++ }),
    );
    const res = await fetch(`${collector.url}${apiPath(ENDPOINTS.responses)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk.token}` },
      body: JSON.stringify({ responses }),
    });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    const reply = (await res.json()) as SyncBatchReply;
    const accepted = reply.results.filter((r) => r.outcome === 'accepted').length;
    if (accepted !== responses.length)
      throw new Error(`only ${accepted} of ${responses.length} accepted`);
    progress.stored += accepted;
  }
}

test('collector memory under a sustained ingest of 100,000 responses', {
  timeout: 900_000,
}, async () => {
  if (!buildIfStale()) throw new Error('the build failed: the collector bundle is measured');
  const collector = await startCollector({ env: BENCH_DEVICE_LIMITS });
  try {
    const pid = collector.pid();
    if (pid === undefined) throw new Error('the collector is not running');
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => enrollKiosk(collector)));
    const atStart = residentBytes(pid);
    let peak = atStart;
    const progress = { stored: 0 };
    /** RSS at each fifth of the run, to tell a plateau from a leak. */
    const along: string[] = [];
    const sampler = setInterval(() => {
      const rss = residentBytes(pid);
      peak = Math.max(peak, rss);
      if (progress.stored >= ((along.length + 1) * RESPONSES) / 5) {
        along.push(`${progress.stored}: ${(rss / MB).toFixed(0)} MB`);
      }
    }, SAMPLE_EVERY_MS);
    const started = performance.now();
    try {
      await Promise.all(
        kiosks.map((kiosk) => sendAll(collector, kiosk, RESPONSES / KIOSKS, progress)),
      );
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const atEnd = residentBytes(pid);
    peak = Math.max(peak, atEnd);
    console.log(
      `collector RSS over ${RESPONSES} responses (${KIOSKS} kiosks, batches of ${BATCH_RECORDS}): ` +
        `${(atStart / MB).toFixed(0)} MB before, peak ${(peak / MB).toFixed(0)} MB, ` +
        `${(atEnd / MB).toFixed(0)} MB after; ${Math.round(RESPONSES / seconds)} responses/s over HTTP`,
    );
    console.log(`collector RSS along the way (responses stored: RSS): ${along.join(', ')}`);
    console.log(`collector RSS at the end: ${residentParts(pid)}`);
  } finally {
    await collector.dispose();
  }
});
