/**
 * The questionnaires that ship with the app, structure only. The kiosk runs the default
 * one until the collector assigns another; the collector seeds them into its database.
 */
import type { SurveyStructure } from '../shared/contract/survey-package';
import { libraryServiceQuality } from './library-service-quality';

export const DEFAULT_SURVEY_ID = libraryServiceQuality.id;

export const BUILT_IN_SURVEYS: readonly SurveyStructure[] = [libraryServiceQuality];
