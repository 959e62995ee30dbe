/** Identifier formats shared by surveys, questions, options, branches, devices and responses. */
import { z } from 'zod/mini';

/**
 * Survey, question, option and scale ids are kebab-case: they become parts of i18next keys
 * (questions.<id>.text), so they must not contain the key separator '.'.
 */
export const SlugSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes'),
    z.maxLength(48),
  );

export const SurveyIdSchema = SlugSchema;
export const QuestionIdSchema = SlugSchema;
export const OptionIdSchema = SlugSchema;

/** Branch ids are chosen by the network admin; same shape, a little longer. */
export const BranchIdSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes'),
    z.maxLength(64),
  );

/**
 * A device's id: a UUID the device made. UUIDs are case-insensitive (RFC 9562), so every
 * id is read in lower case: one device, whatever case it was sent in.
 */
export const DeviceIdSchema = z.uuid().check(z.toLowerCase());

/** A response's id: a UUIDv7 made on the device, read in lower case like DeviceIdSchema. */
export const ResponseIdSchema = z.uuid({ version: 'v7' }).check(z.toLowerCase());
