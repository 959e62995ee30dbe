/**
 * POST /admin/imports on SQLite and PostgreSQL: who may import whose file (administrators
 * any device's, branch staff their own branch's devices' only, checked against the device
 * on the collector), the counts it answers, and a bad file refused whole with the problem
 * the dashboard translates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  TEST_ORIGIN,
  type TestCollector,
} from '../../../../test/fixtures/collector';
import { responseFile } from '../../../../test/fixtures/response-files';
import { DEVICE_ID, makeResponse } from '../../../../test/fixtures/responses';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import {
  ImportResponsesProblemSchema,
  ImportResponsesReplySchema,
} from '../../../shared/contract/response-file';
import { countResponses, revokeDevice, timestamp } from '../../storage';

const IMPORTS = apiPath(ENDPOINTS.importResponses);

describe.each(testDialects)(
  'importing a file of responses on the dashboard on $name',
  (dialect) => {
    let collector: TestCollector;

    beforeEach(async () => {
      collector = await startTestCollector(dialect);
    });
    afterEach(() => collector.close());

    const upload = (body: unknown, cookie?: string) =>
      collector.post(IMPORTS, body, undefined, {
        ...(cookie ? { cookie } : {}),
        origin: TEST_ORIGIN,
      });

    async function problemOf(res: Response, status: number): Promise<string> {
      expect(res.status).toBe(status);
      return ImportResponsesProblemSchema.parse(await res.json()).problem;
    }

    it('stores an administrator’s upload of any branch’s device once, answering the counts', async () => {
      await collector.enroll(DEVICE_ID, 'bookmobile');
      const file = await responseFile([makeResponse(), makeResponse(), makeResponse()]);
      const admin = await collector.signIn('admin');
      const first = await upload(file, admin);
      expect(first.status).toBe(200);
      expect(ImportResponsesReplySchema.parse(await first.json())).toEqual({
        kind: 'waiting',
        deviceId: DEVICE_ID,
        branchId: 'bookmobile',
        counts: { accepted: 3, duplicate: 0, conflict: 0, rejected: 0 },
        refused: [],
      });
      const again = ImportResponsesReplySchema.parse(await (await upload(file, admin)).json());
      expect(again.counts).toEqual({ accepted: 0, duplicate: 3, conflict: 0, rejected: 0 });
      expect(await countResponses(collector.database.storage)).toBe(3);
    });

    it('lets branch staff import their own branch’s device’s file, and refuses another branch’s, whatever the file claims', async () => {
      await collector.enroll(DEVICE_ID, 'bookmobile');
      const file = await responseFile([makeResponse()], { branchId: 'main' });
      const mainStaff = await collector.signIn('branch', 'main');
      expect(await problemOf(await upload(file, mainStaff), 403)).toBe('other-branch');
      expect(await countResponses(collector.database.storage)).toBe(0);

      const bookmobileStaff = await collector.signIn('branch', 'bookmobile');
      const res = await upload(file, bookmobileStaff);
      expect(res.status).toBe(200);
      expect(await countResponses(collector.database.storage)).toBe(1);
    });

    it('takes nothing from someone not signed in', async () => {
      await collector.enroll(DEVICE_ID, 'main');
      expect((await upload(await responseFile())).status).toBe(401);
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it.each([
      ['checksum', async () => ({ ...(await responseFile()), deviceId: DEVICE_ID.toUpperCase() })],
      ['not-a-response-file', async () => ({ responses: [makeResponse()] })],
      ['unsupported-version', async () => ({ ...(await responseFile()), version: 7 })],
      ['invalid', async () => ({ ...(await responseFile()), kind: 'everything' })],
      ['not-json', async () => '{"format": "library-survey-responses", "resp'],
    ])('refuses a file whole for %s, storing nothing', async (problem, make) => {
      await collector.enroll(DEVICE_ID, 'main');
      const admin = await collector.signIn('admin');
      expect(await problemOf(await upload(await make(), admin), 400)).toBe(problem);
      expect(await countResponses(collector.database.storage)).toBe(0);
    });

    it('refuses the file of a revoked device', async () => {
      await collector.enroll(DEVICE_ID, 'main');
      await revokeDevice(collector.database.storage, DEVICE_ID, timestamp(collector.clock.now));
      const admin = await collector.signIn('admin');
      expect(await problemOf(await upload(await responseFile(), admin), 400)).toBe(
        'revoked-device',
      );
    });
  },
);
