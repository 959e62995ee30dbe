/** The dashboard's staff PIN of a branch: who may set or clear it, and what is stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startTestCollector,
  TEST_ORIGIN,
  type TestCollector,
} from '../../../../test/fixtures/collector';
import { testDialects } from '../../../../test/fixtures/test-databases';
import { checkStaffPin } from '../../../app/staff/pin-check';
import { BranchDetailsSchema, BranchListSchema } from '../../../shared/contract/admin';
import { ApiErrorSchema } from '../../../shared/contract/api-error';
import { apiPath, ENDPOINTS } from '../../../shared/contract/endpoints';
import { findBranchStaffPin } from '../../storage';

const pinPath = (id: string) => apiPath(ENDPOINTS.setBranchStaffPin, { id });

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(ApiErrorSchema.parse(await res.json()).error.code).toBe(code);
}

describe.each(testDialects)('a branch’s staff PIN from the dashboard on $name', (dialect) => {
  let collector: TestCollector;
  let admin: string;

  beforeEach(async () => {
    collector = await startTestCollector(dialect);
    admin = await collector.signIn('admin');
  });
  afterEach(() => collector.close());

  const setPin = (branchId: string, pin: unknown, cookie = admin) =>
    collector.post(pinPath(branchId), { pin }, undefined, { cookie, origin: TEST_ORIGIN });
  const stored = (branchId: string) => findBranchStaffPin(collector.database.storage, branchId);

  it('lets a network administrator set any branch’s PIN, stored as a hash the devices check', async () => {
    const res = await setPin('bookmobile', '482913');
    expect(res.status).toBe(200);
    expect(BranchDetailsSchema.parse(await res.json())).toMatchObject({
      id: 'bookmobile',
      staffPin: true,
    });
    const hash = await stored('bookmobile');
    expect(JSON.stringify(hash)).not.toContain('482913');
    if (!hash) throw new Error('no PIN stored');
    expect(await checkStaffPin('482913', hash)).toBe(true);
  });

  it('clears it with null', async () => {
    await setPin('main', '1234');
    const res = await setPin('main', null);
    expect(res.status).toBe(200);
    expect(BranchDetailsSchema.parse(await res.json()).staffPin).toBe(false);
    expect(await stored('main')).toBeUndefined();
  });

  it('says in the branch list which branches have one, never the PIN or its hash', async () => {
    await setPin('main', '1234');
    const res = await collector.app.request(apiPath(ENDPOINTS.branches), {
      headers: { cookie: admin },
    });
    const body = await res.json();
    const list = BranchListSchema.parse(body).branches;
    expect(Object.fromEntries(list.map((b) => [b.id, b.staffPin]))).toEqual({
      main: true,
      bookmobile: false,
    });
    const hash = await stored('main');
    expect(JSON.stringify(body)).not.toContain(hash?.hash);
  });

  it('refuses branch staff, even for their own branch', async () => {
    const branchStaff = await collector.signIn('branch', 'main');
    await expectError(await setPin('main', '1234', branchStaff), 403, 'forbidden');
    await expectError(await setPin('bookmobile', '1234', branchStaff), 403, 'forbidden');
    expect(await stored('main')).toBeUndefined();
  });

  it('refuses anyone not signed in', async () => {
    const res = await collector.post(pinPath('main'), { pin: '1234' }, undefined, {
      origin: TEST_ORIGIN,
    });
    await expectError(res, 401, 'unauthorized');
    expect(await stored('main')).toBeUndefined();
  });

  it('refuses a PIN that is not 4 to 8 digits, and keeps the old one', async () => {
    await setPin('main', '1234');
    const before = await stored('main');
    for (const pin of ['123', '123456789', '12a4', 1234, '']) {
      await expectError(await setPin('main', pin), 400, 'bad-request');
    }
    expect(await stored('main')).toEqual(before);
  });

  it('answers 404 for a branch that does not exist', async () => {
    await expectError(await setPin('nowhere', '1234'), 404, 'not-found');
  });
});
