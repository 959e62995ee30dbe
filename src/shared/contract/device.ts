/**
 * Device enrollment and configuration. A kiosk or bookmobile tablet is enrolled with a
 * one-time code; it receives a token that the collector stores only as a hash.
 */
import { z } from 'zod/mini';
import { LANGUAGES } from '../languages';
import { BranchLookSchema, OpeningHoursSchema } from './branch-look';
import {
  DEFAULT_KIOSK_OPTIONS,
  DEFAULT_SENT_KEPT_DAYS,
  MAX_DEVICE_NAME_LENGTH,
  MAX_SENT_KEPT_DAYS,
} from './constants';
import { BranchIdSchema, DeviceIdSchema, SurveyIdSchema } from './ids';
import { plainTextSchema } from './plain-text';
import { MAX_LOCATION_LENGTH } from './response';
import { StaffPinHashSchema } from './staff-pin-schema';

export { MAX_DEVICE_NAME_LENGTH };

/** Enrollment codes are typed by staff: groups of an unambiguous alphabet, e.g. K7QM-4XPA-93TW. */
export const ENROLLMENT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/;

/** Normalises what staff typed: case, spaces and a forgotten dash do not matter. */
export function normaliseEnrollmentCode(typed: string): string {
  const compact = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return compact.match(/.{1,4}/g)?.join('-') ?? '';
}

/** A name staff recognise in the device list, e.g. "Entrance tablet". */
export const DeviceNameSchema = plainTextSchema(MAX_DEVICE_NAME_LENGTH);

export const EnrollRequestSchema = z.object({
  code: z.string().check(z.regex(ENROLLMENT_CODE_PATTERN, 'is not an enrollment code')),
  deviceId: DeviceIdSchema,
  deviceName: z.optional(DeviceNameSchema),
});

export const BranchSchema = z.object({ id: BranchIdSchema, name: z.string() });

export const EnrollReplySchema = z.object({
  token: z.string().check(z.minLength(32)),
  deviceId: DeviceIdSchema,
  branch: BranchSchema,
});

/** Days a device keeps a response after the collector acknowledged it. */
export const SentKeptDaysSchema = z.int().check(z.gte(0), z.lte(MAX_SENT_KEPT_DAYS));

/** How a kiosk behaves; the collector's values override the defaults (see constants.ts). */
export const KioskOptionsSchema = z.object({
  idleTimeoutSeconds: z._default(
    z.int().check(z.gte(20), z.lte(1800)),
    DEFAULT_KIOSK_OPTIONS.idleTimeoutSeconds,
  ),
  idleWarningSeconds: z._default(
    z.int().check(z.gte(20), z.lte(300)),
    DEFAULT_KIOSK_OPTIONS.idleWarningSeconds,
  ),
  thanksSeconds: z._default(
    z.int().check(z.gte(3), z.lte(60)),
    DEFAULT_KIOSK_OPTIONS.thanksSeconds,
  ),
  defaultLocale: z._default(z.enum(LANGUAGES), DEFAULT_KIOSK_OPTIONS.defaultLocale),
});

export type KioskOptions = z.infer<typeof KioskOptionsSchema>;
export { DEFAULT_KIOSK_OPTIONS };

/** A place of the device's branch (a bookmobile stop, a floor): what responses carry as location. */
export const PlaceSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: plainTextSchema(MAX_LOCATION_LENGTH),
});
export type Place = z.infer<typeof PlaceSchema>;

export const DeviceConfigSchema = z.object({
  serverTime: z.iso.datetime({ offset: true }),
  deviceId: DeviceIdSchema,
  deviceName: z.nullable(z.string()),
  branch: BranchSchema,
  kiosk: KioskOptionsSchema,
  /** The survey this device runs, with its current version. */
  survey: z.object({ id: SurveyIdSchema, version: z.int().check(z.gte(1)) }),
  /**
   * Days the device keeps a response after the collector acknowledged it (its branch's
   * setting). A collector from before this setting sends none: the default.
   */
  sentKeptDays: z._default(SentKeptDaysSchema, DEFAULT_SENT_KEPT_DAYS),
  /** The branch's places, for staff to choose from. A collector from before them sends none. */
  places: z._default(z.array(PlaceSchema).check(z.maxLength(1000)), []),
  /** The branch's opening hours (null: always open) in `timeZone` (absent: the device's own). */
  openingHours: z._default(z.nullable(OpeningHoursSchema), null),
  timeZone: z.optional(z.string().check(z.maxLength(64))),
  /** The branch's display name, logo and accent on the welcome screen. */
  look: z._default(BranchLookSchema, {}),
  /** The branch's staff PIN as a slow hash; null: none set. A collector from before PINs sends none. */
  staffPin: z.optional(z.nullable(StaffPinHashSchema)),
});

export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;
export type EnrollReply = z.infer<typeof EnrollReplySchema>;
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type Branch = z.infer<typeof BranchSchema>;
