/**
 * What librarians manage besides the results: branches and the survey their kiosks show,
 * enrolled devices, and survey packages. Branch staff read their own branch only; changes
 * are for network administrators. Another branch's device or branch answers 404, as if it
 * did not exist.
 */
import { Hono } from 'hono';
import {
  DEVICE_QUIET_DAYS,
  type DeviceList,
  type ImportSurveyReply,
  SetBranchLookRequestSchema,
  SetBranchSurveyRequestSchema,
  type SurveyList,
} from '../../../shared/contract/admin';
import { ENDPOINTS } from '../../../shared/contract/endpoints';
import { safeParseInput } from '../../../shared/contract/parse';
import { SurveyPackageSchema } from '../../../shared/contract/survey-package';
import { formatOpeningHours } from '../../../shared/kiosk/opening-hours';
import { branchLook } from '../../branding/branch-look';
import {
  checkLookRequest,
  hasLookChanges,
  type LookRequest,
  storeLookChanges,
} from '../../branding/look-changes';
import {
  type BranchRecord,
  branchesWithStaffPin,
  countResponsesBySurveyVersion,
  type DeviceRecord,
  findBranch,
  findDevice,
  findSurveyPackage,
  latestSurveyVersion,
  listBranches,
  listDevices,
  listSurveyVersions,
  revokeDevice,
  timestamp,
  updateBranch,
} from '../../storage';
import type { BranchScope } from '../../storage/scope';
import { publishSurveyPackage, SurveyVersionClash } from '../../surveys/publish';
import type { ResolvedDeps } from '../deps';
import { badRequest, invalidBody, notFound } from '../errors';
import { readJsonBody } from '../json-body';
import type { StaffAccess } from '../staff-access';

/** A survey package with five languages of texts is some tens of KB; this leaves room. */
const MAX_PACKAGE_BYTES = 1024 * 1024;
const MAX_SMALL_BODY_BYTES = 4 * 1024;
/** A 200 KB logo in base64, with the rest of the look around it. */
const MAX_LOOK_BODY_BYTES = 300 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

function inScope(scope: BranchScope, branchId: string): boolean {
  return scope.kind === 'all' || scope.branchId === branchId;
}

/** Whether a device has not been in touch for DEVICE_QUIET_DAYS (revoked ones are not watched). */
export function isQuiet(device: DeviceRecord, now: Date): boolean {
  if (device.revokedAt) return false;
  const last = Date.parse(device.lastSeenAt ?? device.enrolledAt);
  return now.getTime() - last >= DEVICE_QUIET_DAYS * DAY_MS;
}

function branchReply(branch: BranchRecord) {
  return {
    id: branch.id,
    name: branch.name,
    surveyId: branch.surveyId,
    createdAt: branch.createdAt,
    hours: branch.openingHours ? formatOpeningHours(branch.openingHours) : null,
    look: branchLook(branch, undefined).look,
  };
}

export function adminRoutes({ storage, now }: ResolvedDeps, access: StaffAccess): Hono {
  const app = new Hono();
  const {
    branches,
    setBranchSurvey,
    setBranchLook,
    devices,
    revokeDevice: revoke,
    surveys,
    importSurvey,
  } = ENDPOINTS;

  app.on(branches.method, branches.path, access.staff, async (c) => {
    const scope = access.scope(c);
    const [all, withPin] = await Promise.all([
      listBranches(storage),
      branchesWithStaffPin(storage),
    ]);
    return c.json({
      branches: all
        .filter((b) => inScope(scope, b.id))
        .map((b) => ({ ...branchReply(b), staffPin: withPin.has(b.id) })),
    });
  });

  app.on(setBranchSurvey.method, setBranchSurvey.path, access.admin, async (c) => {
    const branch = await findBranch(storage, c.req.param('id') ?? '');
    if (!branch) throw notFound('no such branch');
    const parsed = safeParseInput(
      SetBranchSurveyRequestSchema,
      await readJsonBody(c.req.raw, MAX_SMALL_BODY_BYTES),
    );
    if (!parsed.success) throw invalidBody(parsed.error, '{ surveyId }');
    const { surveyId } = parsed.data;
    if ((await latestSurveyVersion(storage, surveyId)) === undefined) {
      throw badRequest(`no survey ${surveyId} on this collector; import it first`, 'surveyId');
    }
    await updateBranch(storage, branch.id, { surveyId });
    return c.json(branchReply({ ...branch, surveyId }));
  });

  app.on(setBranchLook.method, setBranchLook.path, access.admin, async (c) => {
    const branch = await findBranch(storage, c.req.param('id') ?? '');
    if (!branch) throw notFound('no such branch');
    const parsed = safeParseInput(
      SetBranchLookRequestSchema,
      await readJsonBody(c.req.raw, MAX_LOOK_BODY_BYTES),
    );
    if (!parsed.success)
      throw invalidBody(parsed.error, '{ hours?, displayName?, accent?, logo? }');
    const { logo, ...texts } = parsed.data;
    const request: LookRequest = { ...texts };
    if (logo !== undefined)
      request.logo = logo === null ? null : Buffer.from(logo.base64, 'base64');
    const checked = checkLookRequest(request);
    if (!checked.ok) throw badRequest(`${checked.field}: ${checked.message}`, checked.field);
    if (hasLookChanges(checked.changes)) {
      await storeLookChanges(storage, branch.id, checked.changes, timestamp(now()));
    }
    const after = await findBranch(storage, branch.id);
    return c.json(branchReply(after ?? branch));
  });

  app.on(devices.method, devices.path, access.staff, async (c) => {
    const scope = access.scope(c);
    const list = await listDevices(
      storage,
      scope.kind === 'branch' ? { branchId: scope.branchId } : {},
    );
    const at = now();
    return c.json({
      devices: list.map((d) => ({ ...d, quiet: isQuiet(d, at) })),
    } satisfies DeviceList);
  });

  app.on(revoke.method, revoke.path, access.admin, async (c) => {
    // Device ids are UUIDs, one id in any case (DeviceIdSchema).
    const device = await findDevice(storage, (c.req.param('id') ?? '').toLowerCase());
    if (!device) throw notFound('no such device');
    const at = timestamp(now());
    await revokeDevice(storage, device.id, at);
    const revoked = await findDevice(storage, device.id);
    return c.json({ ...(revoked ?? device), quiet: false });
  });

  app.on(surveys.method, surveys.path, access.staff, async (c) => {
    const scope = access.scope(c);
    const [versions, counts, allBranches] = await Promise.all([
      listSurveyVersions(storage),
      countResponsesBySurveyVersion(storage, scope),
      listBranches(storage),
    ]);
    const countOf = new Map(counts.map((n) => [`${n.surveyId}@${n.version}`, n.responses]));
    const ids = [...new Set(versions.map((v) => v.surveyId))];
    const list: SurveyList['surveys'] = [];
    for (const id of ids) {
      const latest = await findSurveyPackage(storage, id);
      const title = latest?.translations.en?.[latest.structure.title];
      list.push({
        id,
        title: typeof title === 'string' ? title : id,
        versions: versions
          .filter((v) => v.surveyId === id)
          .map((v) => ({
            version: v.version,
            createdAt: v.createdAt,
            responses: countOf.get(`${id}@${v.version}`) ?? 0,
            textsSource: v.textsSource,
          })),
        branches: allBranches
          .filter((b) => b.surveyId === id && inScope(scope, b.id))
          .map((b) => b.id),
      });
    }
    return c.json({ surveys: list } satisfies SurveyList);
  });

  app.on(importSurvey.method, importSurvey.path, access.admin, async (c) => {
    const parsed = safeParseInput(
      SurveyPackageSchema,
      await readJsonBody(c.req.raw, MAX_PACKAGE_BYTES),
    );
    if (!parsed.success) {
      // Every problem with its path, as the CLI's survey import reports them.
      const problems = parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || 'package',
        message: issue.message,
      }));
      const first = problems[0];
      return c.json(
        {
          error: {
            code: 'bad-request' as const,
            message: `not a complete survey package: ${problems.length} problem(s)`,
            ...(first ? { path: first.path } : {}),
          },
          problems,
        },
        400,
      );
    }
    try {
      const action = await publishSurveyPackage(storage, parsed.data, now(), 'imported');
      return c.json({
        surveyId: parsed.data.id,
        version: parsed.data.version,
        // A package staff import never loses to built-in texts.
        action: action === 'imported-texts-kept' ? 'unchanged' : action,
      } satisfies ImportSurveyReply);
    } catch (error) {
      if (error instanceof SurveyVersionClash) throw badRequest(error.message, 'version');
      throw error;
    }
  });

  return app;
}
