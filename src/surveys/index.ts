/**
 * The questionnaires that ship with the app, structure only. The kiosk runs the default
 * one (its latest version) until the collector assigns another; the collector seeds every
 * version of each into its database, so responses answered on an older one stay valid.
 */
import type { SurveyStructure } from '../shared/contract/survey-package';
import { libraryServiceQuality, libraryServiceQualityVersions } from './library-service-quality';

export const DEFAULT_SURVEY_ID = libraryServiceQuality.id;

/** The latest version of each built-in questionnaire: what a kiosk runs. */
export const BUILT_IN_SURVEYS: readonly SurveyStructure[] = [libraryServiceQuality];

/** Every version of each built-in questionnaire, oldest first: what the collector stores. */
// A plain reference (no spread), so the kiosk's bundle drops it and the older versions.
export const BUILT_IN_SURVEY_VERSIONS: readonly SurveyStructure[] = libraryServiceQualityVersions;
