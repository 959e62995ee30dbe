/**
 * What the admin app manages besides the results: branches and the survey their kiosks
 * show, enrolled devices, survey packages, and public links. Branch staff see their own branch only.
 */
import { z } from 'zod';
import { BranchLookSchema } from './branch-look';
import { BranchSchema } from './device';
import { DeviceHealthReportSchema } from './device-health';
import { BranchIdSchema, SurveyIdSchema } from './ids';
import { LINK_CLOSED_REASONS, LINK_STATES, LinkTokenSchema } from './public-link';

/** A device not seen for this many days stands out in the device list. */
export const DEVICE_QUIET_DAYS = 7;

export const BranchDetailsSchema = z.object({
  id: BranchIdSchema,
  name: z.string(),
  /** The survey its kiosks show (its latest version). */
  surveyId: SurveyIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  /** Its opening hours as staff type them ("mon-fri 09:00-19:00"); null: always open. */
  hours: z.string().nullable().optional(),
  /** Its welcome screen's display name, logo and accent. */
  look: z.optional(BranchLookSchema),
  /** Whether its devices ask for a staff PIN (the PIN itself never leaves the collector). */
  staffPin: z.boolean().optional(),
});

export const BranchListSchema = z.object({ branches: z.array(BranchDetailsSchema) });
export type BranchList = z.infer<typeof BranchListSchema>;

/**
 * POST /admin/branches/:id/look: what is given changes, null takes it away, what is left
 * out stays. The logo is the file's bytes in base64 (at most 200 KB of PNG or SVG).
 */
export const SetBranchLookRequestSchema = z.strictObject({
  hours: z.string().max(1000).nullable().optional(),
  displayName: z.string().max(1000).nullable().optional(),
  accent: z.string().max(50).nullable().optional(),
  logo: z
    .strictObject({ base64: z.base64().max(280_000) })
    .nullable()
    .optional(),
});
export type SetBranchLookRequest = z.input<typeof SetBranchLookRequestSchema>;

/** POST /admin/branches/:id/survey. */
export const SetBranchSurveyRequestSchema = z.strictObject({ surveyId: SurveyIdSchema });

export const DeviceDetailsSchema = z.object({
  id: z.string(),
  branchId: BranchIdSchema,
  name: z.string().nullable(),
  enrolledAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
  /** The device clock's last estimated offset from the collector's, in ms. */
  lastClockOffsetMs: z.number().nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Not seen for DEVICE_QUIET_DAYS days (or never since enrolling that long ago). */
  quiet: z.boolean(),
  /** The kiosk's latest report on itself (sent with its syncs), or null before its first. */
  health: z.nullable(DeviceHealthReportSchema),
});

export const DeviceListSchema = z.object({ devices: z.array(DeviceDetailsSchema) });
export type DeviceList = z.infer<typeof DeviceListSchema>;

export const SurveyListSchema = z.object({
  surveys: z.array(
    z.object({
      id: SurveyIdSchema,
      /** The English title, for lists; the admin app shows its own language's. */
      title: z.string(),
      versions: z.array(
        z.object({
          version: z.int(),
          createdAt: z.iso.datetime({ offset: true }),
          /** Responses stored under this version (branch staff: their branch's). */
          responses: z.int(),
          textsSource: z.enum(['built-in', 'imported']),
        }),
      ),
      /** Branches whose kiosks show it. */
      branches: z.array(BranchIdSchema),
    }),
  ),
});
export type SurveyList = z.infer<typeof SurveyListSchema>;

/** POST /admin/surveys: the package was stored (or was already there, unchanged). */
export const ImportSurveyReplySchema = z.object({
  surveyId: SurveyIdSchema,
  version: z.int(),
  action: z.enum(['inserted', 'unchanged', 'texts-updated']),
});
export type ImportSurveyReply = z.infer<typeof ImportSurveyReplySchema>;

/** A refused import: every problem found, each with the path in the package at fault. */
export const SurveyImportProblemsSchema = z.object({
  error: z.object({
    code: z.literal('bad-request'),
    message: z.string(),
    path: z.string().optional(),
  }),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});

/**
 * A public link as staff manage it (GET /admin/links): its branch, survey and state, the
 * responses it brought in, and the paths of the page phones open and of its poster, under
 * the collector's origin.
 */
export const LinkDetailsSchema = z.object({
  token: LinkTokenSchema,
  branch: BranchSchema,
  surveyId: SurveyIdSchema,
  state: z.enum(LINK_STATES),
  /** Why the link is closed; absent while it is open. */
  closedReason: z.enum(LINK_CLOSED_REASONS).optional(),
  /** The last moment it takes responses, or null when it runs until revoked. */
  until: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Responses that came by the link and count in the results. */
  responses: z.int().min(0),
  /** The page a phone opens: `/s/<token>`. */
  phonePath: z.string().startsWith('/'),
  /**
   * The whole address phones open, as the poster prints it: on PUBLIC_URL's origin, or
   * without it on the one the request came to.
   */
  phoneUrl: z.url({ protocol: /^https?$/ }),
  /** The printable poster: `/s/<token>/poster` (`?size=a6` for table tents). */
  posterPath: z.string().startsWith('/'),
});
export type LinkDetails = z.infer<typeof LinkDetailsSchema>;

export const LinkListSchema = z.object({ links: z.array(LinkDetailsSchema) });
export type LinkList = z.infer<typeof LinkListSchema>;

/**
 * POST /admin/links: a link for a branch, for the branch's survey unless told another, open
 * until revoked or to the end of a day (midnight in the collector's TIME_ZONE).
 */
export const CreateLinkRequestSchema = z.strictObject({
  branchId: BranchIdSchema,
  surveyId: z.optional(SurveyIdSchema),
  until: z.iso.date().nullable().optional(),
});
export type CreateLinkRequest = z.infer<typeof CreateLinkRequestSchema>;
