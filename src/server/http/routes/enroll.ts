/**
 * POST /enroll (API.enroll): a one-time code for a device token. Failed attempts count per
 * client (ThrottleClient: TRUSTED_PROXIES decides who that is); too many in a window are
 * refused with 429 and Retry-After. Each attempt is counted as failed from its start, before
 * anything is awaited, and taken back unless it was a wrong code, so a burst sent at once
 * cannot pass the limit.
 */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { normaliseEnrollmentCode } from '../../../shared/contract/device';
import { safeParseInput } from '../../../shared/contract/parse';
import { type CodeProblem, enrollDevice } from '../../devices/enrollment';
import type { ResolvedDeps } from '../deps';
import { ApiProblem, firstIssue, invalidBody } from '../errors';
import { readJsonBody } from '../json-body';

/** An enrollment request is a code, a UUID and a short name. */
const MAX_ENROLL_BYTES = 16 * 1024;

const PROBLEMS: Record<CodeProblem, string> = {
  'code-invalid': 'this enrollment code does not exist; check it or ask for a new one',
  'code-expired': 'this enrollment code has expired; ask for a new one',
  'code-used': 'this enrollment code was used already; ask for a new one',
  'device-refused':
    'this device id is a device of another branch, or a revoked one; a code enrolls a new device, or re-enrolls only a device of its own branch that is not revoked',
};

function withNormalisedCode(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'string' ? { ...body, code: normaliseEnrollmentCode(code) } : body;
}

export function enrollRoutes({ storage, now, enrollThrottle, clientAddress }: ResolvedDeps): Hono {
  const { method, path, request } = API.enroll;
  return new Hono().on(method, path, async (c) => {
    const client = clientAddress(c);
    const startedMs = now().getTime();
    const waitMs = enrollThrottle.reserve(client, startedMs);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new ApiProblem(
        'rate-limited',
        `too many failed enrollment attempts; try again in ${seconds} seconds`,
        undefined,
        { 'Retry-After': String(seconds) },
      );
    }
    // Counted as failed until it turns out otherwise: only a refused code stays counted.
    let refused = false;
    const failed = (problem: CodeProblem, path?: string) => {
      refused = true;
      return new ApiProblem(problem, PROBLEMS[problem], path);
    };
    try {
      const parsed = safeParseInput(
        request,
        withNormalisedCode(await readJsonBody(c.req.raw, MAX_ENROLL_BYTES)),
      );
      if (!parsed.success) {
        if (firstIssue(parsed.error).path === 'code') throw failed('code-invalid', 'code');
        throw invalidBody(parsed.error, '{ code, deviceId, deviceName? }');
      }
      const result = await enrollDevice(storage, parsed.data, now());
      if (!result.ok) {
        throw failed(result.problem, result.problem === 'device-refused' ? 'deviceId' : 'code');
      }
      return c.json(result.reply satisfies ReplyBody<typeof API.enroll>);
    } finally {
      if (!refused) enrollThrottle.withdraw(client, startedMs);
    }
  });
}
