/**
 * Why a response was refused, as a code with parameters. The collector sends it beside its
 * English reason (kept for logs and for integrators); the device's staff view says it in the
 * staff's language. A device that meets a code it does not know shows the English reason.
 * No zod here: the staff view, in the kiosk's first chunk, says the codes in words; the
 * schemas that read them from a reply are in refusal-schema.ts.
 */
export const REFUSAL_CODES = [
  // The record's shape: a field missing, of the wrong type or out of its limits.
  'invalid-field',
  // A public link takes responses to its own survey, of channel qr.
  'survey-not-of-link',
  'channel-not-of-link',
  // The survey version is not on the collector.
  'unknown-survey-version',
  // The answers against the survey version (see src/shared/survey/answers.ts).
  'unknown-question',
  'hidden-question',
  'required',
  'required-in-completed',
  'wrong-type',
  'out-of-range',
  'not-applicable-not-offered',
  'unknown-option',
  'too-many',
  'too-long',
  'exclusive-with-others',
  'duplicate-option',
  // Whose it is, and whether it is new.
  'other-device',
  'content-conflict',
  // Decided by the device from the collector's reply to a batch of one.
  'too-large',
  'link-closed',
  'request-refused',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Values a refusal's text names: a limit, an option's id, a survey version. */
export type RefusalParams = Record<string, string | number>;

/** A refusal as the collector decides it and the device keeps it. */
export interface Refusal {
  code: RefusalCode;
  params?: RefusalParams;
}

/** Whether a code read from a reply or an old row is one this version can say in words. */
export function isRefusalCode(code: unknown): code is RefusalCode {
  return typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code);
}
