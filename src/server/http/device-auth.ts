/**
 * Device authentication: a bearer token, looked up by its hash. A revoked device is
 * refused like an unknown one, with a message that tells staff what to do.
 */
import type { MiddlewareHandler } from 'hono';
import { hashDeviceToken, isWellFormedToken } from '../devices/secrets';
import { type DeviceRecord, findDeviceByTokenHash, type Storage } from '../storage';
import { unauthorized } from './errors';

export type DeviceVariables = { device: DeviceRecord };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function requireDevice(storage: Storage): MiddlewareHandler<{ Variables: DeviceVariables }> {
  return async (c, next) => {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) throw unauthorized('send the device token as "Authorization: Bearer <token>"');
    const device = isWellFormedToken(token)
      ? await findDeviceByTokenHash(storage, hashDeviceToken(token))
      : undefined;
    if (!device) throw unauthorized('the device token is not valid; enroll the device again');
    if (device.revokedAt) {
      throw unauthorized(
        'this device was revoked; to use it again, clear the app’s data in its browser and enroll it with a new code',
      );
    }
    c.set('device', device);
    await next();
  };
}
