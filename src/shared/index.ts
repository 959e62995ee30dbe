/**
 * The shared contract and survey logic: what the app, the collector and integrators agree
 * on. Runs everywhere; imports nothing from app/, admin/ or server/.
 */
export * from './assert-never';
export * from './contract/admin';
export * from './contract/answer';
export * from './contract/api';
export * from './contract/api-error';
export * from './contract/condition';
export * from './contract/device';
export * from './contract/endpoints';
export * from './contract/ids';
export * from './contract/json-schema';
export * from './contract/parse';
export * from './contract/plain-text';
export * from './contract/public-link';
export * from './contract/question';
export * from './contract/refusal';
export * from './contract/refusal-schema';
export * from './contract/response';
export * from './contract/response-file';
export * from './contract/results';
export * from './contract/staff';
export * from './contract/survey-package';
export * from './contract/sync';
export * from './contract/translations';
export * from './languages';
export * from './privacy/personal-data';
export * from './results/counts';
export * from './stats';
export * from './survey/answers';
export * from './survey/conditions';
export * from './survey/navigation';
export * from './survey/response-check';
export * from './survey/translation-keys';
