/**
 * A branch's staff PIN from the dashboard: network administrators set or clear it for any
 * branch. Branch staff may not, not even their own branch's: like every change on the
 * admin pages it is the administrators', and a PIN that one person in a branch can change
 * unseen would not keep the kiosks from the others. The collector stores only the hash
 * (devices/staff-pin.ts), and the devices get it with their next configuration.
 */
import { Hono } from 'hono';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import { safeParseInput } from '../../../shared/contract/parse';
import { SetStaffPinRequestSchema } from '../../../shared/contract/staff-pin-schema';
import { hashStaffPin } from '../../devices/staff-pin';
import { clearBranchStaffPin, findBranch, setBranchStaffPin, timestamp } from '../../storage';
import type { ResolvedDeps } from '../deps';
import { invalidBody, notFound } from '../errors';
import { readJsonBody } from '../json-body';
import type { StaffAccess } from '../staff-access';

const MAX_BODY_BYTES = 1024;

export function branchPinRoutes({ storage, now }: ResolvedDeps, access: StaffAccess): Hono {
  const app = new Hono();
  const { setBranchStaffPin: endpoint } = ENDPOINTS;

  app.on(endpoint.method, endpoint.path, access.admin, async (c) => {
    const branch = await findBranch(storage, c.req.param('id') ?? '');
    if (!branch) throw notFound('no such branch');
    const parsed = safeParseInput(
      SetStaffPinRequestSchema,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
    );
    if (!parsed.success) throw invalidBody(parsed.error, '{ pin: 4 to 8 digits, or null }');
    const { pin } = parsed.data;
    if (pin === null) await clearBranchStaffPin(storage, branch.id);
    else await setBranchStaffPin(storage, branch.id, await hashStaffPin(pin), timestamp(now()));
    return c.json({
      id: branch.id,
      name: branch.name,
      surveyId: branch.surveyId,
      createdAt: branch.createdAt,
      staffPin: pin !== null,
    });
  });

  return app;
}
