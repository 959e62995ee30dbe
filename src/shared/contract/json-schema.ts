/** The contract as JSON Schema, published by the collector so others can integrate. */
import { z } from 'zod';
import { ApiErrorSchema } from './api-error';
import { DeviceConfigSchema, EnrollReplySchema, EnrollRequestSchema } from './device';
import { ResponseSchema } from './response';
import { SurveyPackageSchema } from './survey-package';
import { SyncBatchReplySchema, SyncBatchRequestSchema } from './sync';

export function contractJsonSchemas(): Record<string, unknown> {
  const schemas = {
    SurveyPackage: SurveyPackageSchema,
    Response: ResponseSchema,
    SyncBatchRequest: SyncBatchRequestSchema,
    SyncBatchReply: SyncBatchReplySchema,
    EnrollRequest: EnrollRequestSchema,
    EnrollReply: EnrollReplySchema,
    DeviceConfig: DeviceConfigSchema,
    ApiError: ApiErrorSchema,
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    ]),
  );
}
