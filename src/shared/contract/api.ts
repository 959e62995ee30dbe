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
import { ApiErrorSchema } from './api-error';
import { DeviceConfigSchema, EnrollReplySchema, EnrollRequestSchema } from './device';
import { ENDPOINTS } from './endpoints';
import { PublicLinkSchema } from './public-link';
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
import { SyncBatchEnvelopeSchema, SyncBatchReplySchema, SyncBatchRequestSchema } from './sync';

/** GET /health: 200 with status ok, or 503 with status unavailable and a message. */
export const HealthReplySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  serverTime: z.iso.datetime({ offset: true }),
  /** What is wrong, when status is unavailable. */
  message: z.string().optional(),
});
export type HealthReply = z.infer<typeof HealthReplySchema>;

/** GET /schema: JSON Schema documents by contract name. */
export const ContractSchemasReplySchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** Every endpoint answers a failure as ApiError JSON with the status of its code. */
function withError<E extends object>(endpoint: E) {
  return { ...endpoint, error: ApiErrorSchema };
}

export const API = {
  health: withError({ ...ENDPOINTS.health, reply: HealthReplySchema }),
  enroll: withError({
    ...ENDPOINTS.enroll,
    request: EnrollRequestSchema,
    reply: EnrollReplySchema,
  }),
  deviceConfig: withError({ ...ENDPOINTS.deviceConfig, reply: DeviceConfigSchema }),
  /** 304 without a body when If-None-Match names the package's ETag. */
  survey: withError({ ...ENDPOINTS.survey, reply: SurveyPackageSchema }),
  surveyVersion: withError({ ...ENDPOINTS.surveyVersion, reply: SurveyPackageSchema }),
  responses: withError({
    ...ENDPOINTS.responses,
    request: SyncBatchRequestSchema,
    /**
     * What the collector reads the request as first: the same envelope with each record
     * left unknown, so that one bad record is rejected on its own, not the whole batch.
     */
    envelope: SyncBatchEnvelopeSchema,
    reply: SyncBatchReplySchema,
  }),
  schema: withError({ ...ENDPOINTS.schema, reply: ContractSchemasReplySchema }),

  publicLink: withError({ ...ENDPOINTS.publicLink, reply: PublicLinkSchema }),
  publicResponses: withError({
    ...ENDPOINTS.publicResponses,
    request: SyncBatchRequestSchema,
    envelope: SyncBatchEnvelopeSchema,
    reply: SyncBatchReplySchema,
  }),

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
export type RequestBody<E extends { request: z.ZodType }> = z.input<E['request']>;

/** The body of a successful reply, as the collector sends it (before defaults apply). */
export type ReplyBody<E extends { reply: z.ZodType }> = z.input<E['reply']>;
