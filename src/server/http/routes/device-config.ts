/** GET /device/config (device token): the device's branch, kiosk options, survey and the time. */
import { Hono } from 'hono';
import { deviceConfig } from '../../devices/device-config';
import type { ResolvedDeps } from '../deps';
import { type DeviceVariables, requireDevice } from '../device-auth';
import { notFound } from '../errors';

export function deviceConfigRoutes({ storage, now }: ResolvedDeps) {
  return new Hono<{ Variables: DeviceVariables }>().get(
    '/device/config',
    requireDevice(storage),
    async (c) => {
      const result = await deviceConfig(storage, c.get('device'), now);
      if (!result.ok) throw notFound(result.message);
      return c.json(result.config);
    },
  );
}
