/**
 * The collector's API with its bodies: each endpoint of endpoints.ts with the schema of its
 * request body and of its reply, and the error shape every endpoint may answer with. The
 * collector parses requests with these and the app validates replies with them, so the two
 * sides read one declaration. The app's first screen does without (they bring zod).
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
import { DEVICE_API, withError } from './device-api';
import { ENDPOINTS } from './endpoints';
import {
  ImportResponsesProblemSchema,
  ImportResponsesReplySchema,
  ResponseFileSchema,
} from './response-file';
import {
  CommentSchema,
  CommentsPageSchema,
  CommentsQuerySchema,
  CommentTagsQuerySchema,
  CommentTagsSchema,
  ExportQuerySchema,
  ResultsFilterSchema,
  ResultsOverviewQuerySchema,
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

export { type HealthReply, HealthReplySchema } from './device-api';

/** GET /schema: JSON Schema documents by contract name. */
export const ContractSchemasReplySchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const API = {
  // The device's endpoints (device-api.ts), in ENDPOINTS' order.
  health: DEVICE_API.health,
  enroll: DEVICE_API.enroll,
  deviceConfig: DEVICE_API.deviceConfig,
  survey: DEVICE_API.survey,
  surveyVersion: DEVICE_API.surveyVersion,
  responses: DEVICE_API.responses,
  schema: withError({ ...ENDPOINTS.schema, reply: ContractSchemasReplySchema }),

  publicLink: DEVICE_API.publicLink,
  publicResponses: DEVICE_API.publicResponses,

  signIn: withError({
    ...ENDPOINTS.signIn,
    request: SignInRequestSchema,
    reply: StaffSessionSchema,
  }),
  session: withError({ ...ENDPOINTS.session, reply: StaffSessionSchema }),
  signOut: withError({ ...ENDPOINTS.signOut, reply: SignedOutSchema }),
  signOutEverywhere: withError({ ...ENDPOINTS.signOutEverywhere, reply: SignedOutSchema }),
  firstAdmin: withError({
    ...ENDPOINTS.firstAdmin,
    request: FirstAdminRequestSchema,
    reply: StaffSessionSchema,
  }),

  resultsSummary: withError({
    ...ENDPOINTS.resultsSummary,
    query: ResultsFilterSchema,
    reply: ResultsSummarySchema,
  }),
  resultsOverview: withError({
    ...ENDPOINTS.resultsOverview,
    query: ResultsOverviewQuerySchema,
    reply: ResultsOverviewSchema,
  }),
  resultsPlaces: withError({
    ...ENDPOINTS.resultsPlaces,
    query: ResultsFilterSchema,
    reply: ResultsPlacesSchema,
  }),
  comments: withError({
    ...ENDPOINTS.comments,
    query: CommentsQuerySchema,
    reply: CommentsPageSchema,
  }),
  commentTags: withError({
    ...ENDPOINTS.commentTags,
    query: CommentTagsQuerySchema,
    reply: CommentTagsSchema,
  }),
  tagComment: withError({
    ...ENDPOINTS.tagComment,
    request: TagRequestSchema,
    reply: CommentSchema,
  }),
  untagComment: withError({ ...ENDPOINTS.untagComment, reply: CommentSchema }),
  /** The replies are files (text/csv, xlsx), streamed; errors are ApiError JSON. */
  exportCsv: withError({
    ...ENDPOINTS.exportCsv,
    query: ExportQuerySchema,
    contentType: 'text/csv',
  }),
  exportXlsx: withError({
    ...ENDPOINTS.exportXlsx,
    query: ExportQuerySchema,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  exportCodebook: withError({
    ...ENDPOINTS.exportCodebook,
    query: ExportQuerySchema,
    contentType: 'text/csv',
  }),

  branches: withError({ ...ENDPOINTS.branches, reply: BranchListSchema }),
  setBranchSurvey: withError({
    ...ENDPOINTS.setBranchSurvey,
    request: SetBranchSurveyRequestSchema,
    reply: BranchDetailsSchema,
  }),
  setBranchLook: withError({
    ...ENDPOINTS.setBranchLook,
    request: SetBranchLookRequestSchema,
    reply: BranchDetailsSchema,
  }),
  setBranchStaffPin: withError({
    ...ENDPOINTS.setBranchStaffPin,
    request: SetStaffPinRequestSchema,
    reply: BranchDetailsSchema,
  }),
  devices: withError({ ...ENDPOINTS.devices, reply: DeviceListSchema }),
  revokeDevice: withError({ ...ENDPOINTS.revokeDevice, reply: DeviceDetailsSchema }),
  surveys: withError({ ...ENDPOINTS.surveys, reply: SurveyListSchema }),
  importSurvey: withError({
    ...ENDPOINTS.importSurvey,
    request: SurveyPackageSchema,
    reply: ImportSurveyReplySchema,
    /** A refused package: every problem with its path. */
    problems: SurveyImportProblemsSchema,
  }),
  importResponses: withError({
    ...ENDPOINTS.importResponses,
    request: ResponseFileSchema,
    reply: ImportResponsesReplySchema,
    /** A file refused whole (nothing stored): which problem, for the dashboard to say. */
    problem: ImportResponsesProblemSchema,
  }),
  links: withError({ ...ENDPOINTS.links, reply: LinkListSchema }),
  createLink: withError({
    ...ENDPOINTS.createLink,
    request: CreateLinkRequestSchema,
    reply: LinkDetailsSchema,
  }),
  /** Revoking a closed link changes nothing and answers it as it is. */
  revokeLink: withError({ ...ENDPOINTS.revokeLink, reply: LinkDetailsSchema }),
} as const;

/** The body of a request, as the client sends it (before defaults apply). */
export type RequestBody<E extends { request: z.core.$ZodType }> = z.input<E['request']>;

/** The body of a successful reply, as the collector sends it (before defaults apply). */
export type ReplyBody<E extends { reply: z.core.$ZodType }> = z.input<E['reply']>;
