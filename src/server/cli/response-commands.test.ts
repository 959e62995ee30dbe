/** responses import, run as the CLI over a collector's database. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost } from '../../../test/fixtures/cli-host';
import {
  startTestCollector,
  type TestCollector,
  TIME_ZONE,
} from '../../../test/fixtures/collector';
import { responseFileContent } from '../../../test/fixtures/response-files';
import { DEVICE_ID, makeResponse } from '../../../test/fixtures/responses';
import { testDialects } from '../../../test/fixtures/test-databases';
import type { SurveyResponse } from '../../shared/contract/response';
import { makeResponseFile, RESPONSE_FILE_FORMAT } from '../../shared/contract/response-file';
import { main } from '../collector';
import { countResponses, findDevice, revokeDevice, timestamp } from '../storage';

const fileContent = (responses: unknown[]) => responseFileContent(responses);

describe.each(testDialects)('responses import on $name', (dialect) => {
  let collector: TestCollector;
  let dir: string;

  async function cli(...argv: string[]) {
    const host = testHost({ ...collector.database.env, TIME_ZONE });
    await main(argv, host);
    return host;
  }

  async function writeFile(name: string, content: unknown): Promise<string> {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    dir = mkdtempSync(join(tmpdir(), 'responses-import-'));
  });
  afterEach(() => collector.close());

  it('stores a file’s responses once and prints each outcome’s count, also when imported twice and then synced', async () => {
    const token = await collector.enroll(DEVICE_ID, 'main');
    const seenBefore = (await findDevice(collector.database.storage, DEVICE_ID))?.lastSeenAt;
    const responses = Array.from({ length: 3 }, () => makeResponse());
    const path = await writeFile('waiting.json', await makeResponseFile(fileContent(responses)));

    const first = await cli('responses', 'import', path);
    expect(first.exitCode).toBe(0);
    expect(first.output.join('\n').split('\n')).toEqual([
      `Imported ${path}: 3 responses of device ${DEVICE_ID}, counted for branch main.`,
      'OUTCOME    RESPONSES',
      'accepted   3',
      'duplicate  0',
      'conflict   0',
      'rejected   0',
    ]);
    const again = await cli('responses', 'import', path);
    expect(again.output.join('\n')).toContain('accepted   0\nduplicate  3');
    expect(await countResponses(collector.database.storage)).toBe(3);
    // The import is not the device getting in touch: its last-seen time stays.
    expect((await findDevice(collector.database.storage, DEVICE_ID))?.lastSeenAt).toBe(seenBefore);

    // The device, back in reach, sends the same responses: the collector has them.
    const reply = await collector.sync(token, responses);
    expect(reply.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await countResponses(collector.database.storage)).toBe(3);
  });

  it('gives a record sync would refuse the same outcome, and stores the others', async () => {
    await collector.enroll(DEVICE_ID, 'main');
    const good = makeResponse();
    const stored = makeResponse();
    await cli(
      'responses',
      'import',
      await writeFile('one.json', await makeResponseFile(fileContent([stored]))),
    );
    const changed: SurveyResponse = { ...stored, locale: 'hu' };
    const wrong = { ...makeResponse(), surveyVersion: 99 };
    const host = await cli(
      'responses',
      'import',
      await writeFile('mixed.json', await makeResponseFile(fileContent([good, changed, wrong]))),
    );
    const text = host.output.join('\n');
    expect(text).toContain('accepted   1\nduplicate  0\nconflict   1\nrejected   1');
    expect(text).toContain(`conflict ${stored.id}`);
    expect(text).toContain(`rejected ${wrong.id}`);
    expect(await countResponses(collector.database.storage)).toBe(2);
  });

  it.each([
    ['not JSON', '{"format": "library-survey-responses", "responses": [', /not JSON/],
    ['another kind of file', { id: 'a-survey', version: 1 }, /not a file of responses/],
    ['a newer version', { format: RESPONSE_FILE_FORMAT, version: 2 }, /version 2.*update/],
  ])('refuses a file that is %s, storing nothing', async (_, content, message) => {
    await collector.enroll(DEVICE_ID, 'main');
    const host = await cli('responses', 'import', await writeFile('bad.json', content));
    expect(host.exitCode).not.toBe(0);
    expect(host.errors.join('\n')).toMatch(message);
    expect(host.errors.join('\n')).toMatch(/Nothing was stored/);
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('refuses a file changed after it was saved: its checksum no longer fits', async () => {
    await collector.enroll(DEVICE_ID, 'main');
    const file = await makeResponseFile(fileContent([makeResponse(), makeResponse()]));
    (file.responses[1] as SurveyResponse).completed = false;
    const host = await cli('responses', 'import', await writeFile('changed.json', file));
    expect(host.errors.join('\n')).toMatch(/checksum does not match.*Nothing was stored/);
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('refuses a file with a record no kiosk makes, before storing any of it', async () => {
    await collector.enroll(DEVICE_ID, 'main');
    const answers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`q${i}`, 1]));
    const file = await makeResponseFile(
      fileContent([makeResponse(), { ...makeResponse(), answers }]),
    );
    const host = await cli('responses', 'import', await writeFile('odd.json', file));
    expect(host.errors.join('\n')).toMatch(/responses\.1\.answers.*Nothing was stored/);
    expect(await countResponses(collector.database.storage)).toBe(0);
  });

  it('refuses the file of a device it does not know, and of a revoked one', async () => {
    const path = await writeFile(
      'waiting.json',
      await makeResponseFile(fileContent([makeResponse()])),
    );
    expect((await cli('responses', 'import', path)).errors.join('\n')).toMatch(
      /not enrolled at this collector/,
    );
    await collector.enroll(DEVICE_ID, 'main');
    await revokeDevice(collector.database.storage, DEVICE_ID, timestamp(collector.clock.now));
    expect((await cli('responses', 'import', path)).errors.join('\n')).toMatch(/was revoked/);
    expect(await countResponses(collector.database.storage)).toBe(0);
  });
});
