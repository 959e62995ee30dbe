/** GET /device/config (API.deviceConfig, device token): branch, kiosk options, survey, time. */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { deviceConfig } from '../../devices/device-config';
import type { ResolvedDeps } from '../deps';
import { type DeviceVariables, requireDevice } from '../device-auth';
import { notFound } from '../errors';

export function deviceConfigRoutes({ storage, now, timeZone }: ResolvedDeps) {
  const { method, path } = API.deviceConfig;
  return new Hono<{ Variables: DeviceVariables }>().on(
    method,
    path,
    requireDevice(storage),
    async (c) => {
      const result = await deviceConfig(storage, c.get('device'), now, timeZone);
      if (!result.ok) throw notFound(result.message);
      return c.json(result.config satisfies ReplyBody<typeof API.deviceConfig>);
    },
  );
}
