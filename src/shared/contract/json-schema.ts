/**
 * The contract as JSON Schema, published by the collector (GET /schema) so others can
 * integrate: every request and reply body the API declares (api.ts), the response record
 * a sync batch carries, and the error shape.
 */
import { z } from 'zod';
import {
  BranchDetailsSchema,
  BranchListSchema,
  CreateLinkRequestSchema,
  DeviceDetailsSchema,
  DeviceListSchema,
  ImportSurveyReplySchema,
  LinkDetailsSchema,
  LinkListSchema,
  SetBranchLookRequestSchema,
  SetBranchSurveyRequestSchema,
  SurveyImportProblemsSchema,
  SurveyListSchema,
} from './admin';
import { HealthReplySchema } from './api';
import { ApiErrorSchema } from './api-error';
import { DeviceConfigSchema, EnrollReplySchema, EnrollRequestSchema } from './device';
import { PublicLinkSchema } from './public-link';
import { SurveyResponseSchema } from './response';
import {
  ImportResponsesProblemSchema,
  ImportResponsesReplySchema,
  ResponseFileSchema,
} from './response-file';
import {
  CommentSchema,
  CommentsPageSchema,
  CommentTagsSchema,
  ResultsOverviewSchema,
  ResultsPlacesSchema,
  ResultsSummarySchema,
  TagRequestSchema,
} from './results';
import {
  FirstAdminRequestSchema,
  SignedOutSchema,
  SignInRequestSchema,
  StaffSessionSchema,
} from './staff';
import { SetStaffPinRequestSchema } from './staff-pin-schema';
import { SurveyPackageSchema } from './survey-package';
import { SyncBatchReplySchema, SyncBatchRequestSchema } from './sync';

/** The published schemas by name; the names are part of the API and never change. */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, z.core.$ZodType>> = {
  SurveyPackage: SurveyPackageSchema,
  // Published as 'Response' before the type was renamed SurveyResponse; published names never change.
  Response: SurveyResponseSchema,
  SyncBatchRequest: SyncBatchRequestSchema,
  SyncBatchReply: SyncBatchReplySchema,
  EnrollRequest: EnrollRequestSchema,
  EnrollReply: EnrollReplySchema,
  DeviceConfig: DeviceConfigSchema,
  HealthReply: HealthReplySchema,
  ApiError: ApiErrorSchema,
  SignInRequest: SignInRequestSchema,
  StaffSession: StaffSessionSchema,
  SignedOut: SignedOutSchema,
  FirstAdminRequest: FirstAdminRequestSchema,
  ResultsSummary: ResultsSummarySchema,
  ResultsOverview: ResultsOverviewSchema,
  ResultsPlaces: ResultsPlacesSchema,
  CommentsPage: CommentsPageSchema,
  Comment: CommentSchema,
  CommentTags: CommentTagsSchema,
  TagRequest: TagRequestSchema,
  BranchList: BranchListSchema,
  BranchDetails: BranchDetailsSchema,
  SetBranchSurveyRequest: SetBranchSurveyRequestSchema,
  SetBranchLookRequest: SetBranchLookRequestSchema,
  DeviceList: DeviceListSchema,
  DeviceDetails: DeviceDetailsSchema,
  SurveyList: SurveyListSchema,
  ImportSurveyReply: ImportSurveyReplySchema,
  SurveyImportProblems: SurveyImportProblemsSchema,
  PublicLink: PublicLinkSchema,
  LinkList: LinkListSchema,
  LinkDetails: LinkDetailsSchema,
  CreateLinkRequest: CreateLinkRequestSchema,
  ResponseFile: ResponseFileSchema,
  ImportResponsesReply: ImportResponsesReplySchema,
  ImportResponsesProblem: ImportResponsesProblemSchema,
  SetStaffPinRequest: SetStaffPinRequestSchema,
};

export function contractJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    ]),
  );
}
