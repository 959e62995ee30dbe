/**
 * Staff accounts on the collector: who signs in to the results, with which role. A network
 * administrator sees and manages every branch; branch staff see their own branch only.
 */
import { z } from 'zod';
import { BranchIdSchema } from './ids';

export const STAFF_ROLES = ['admin', 'branch'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The shortest password the collector accepts (NIST SP 800-63B: at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused, so a hash cannot be made to cost more than it should. */
export const MAX_PASSWORD_LENGTH = 256;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

export const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

/** POST /session: sign in. */
export const SignInRequestSchema = z.strictObject({
  email: EmailSchema,
  // A sign-in checks the password against the hash; its length rule is for making one.
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** POST /setup: the one-time link of the first start makes the first administrator. */
export const FirstAdminRequestSchema = z.strictObject({
  token: z.string().min(1).max(200),
  email: EmailSchema,
  password: PasswordSchema,
});

/** Who is signed in: the reply of POST /session, GET /session and POST /setup. */
export const StaffSessionSchema = z.object({
  user: z.object({
    email: z.string(),
    role: z.enum(STAFF_ROLES),
    /** Set for branch staff: the only branch they see. */
    branchId: z.nullable(BranchIdSchema),
  }),
  /** When the session ends unless used before (idle expiry), ISO-8601. */
  idleExpiresAt: z.iso.datetime({ offset: true }),
  /** When the session ends however it is used (absolute expiry), ISO-8601. */
  expiresAt: z.iso.datetime({ offset: true }),
});

/** DELETE /session and DELETE /sessions: how many sessions were ended (this one included). */
export const SignedOutSchema = z.object({
  endedSessions: z.number().int().min(0),
});

export type SignInRequest = z.input<typeof SignInRequestSchema>;
export type FirstAdminRequest = z.input<typeof FirstAdminRequestSchema>;
export type StaffSession = z.infer<typeof StaffSessionSchema>;
export type SignedOut = z.infer<typeof SignedOutSchema>;
