/** What a failed call means for the reader, in their language, with what to do. */
import type { TFunction } from 'i18next';
import { ApiCallError } from './api';

export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.unknown');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'rate-limited': {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return t('errors.rateLimited', { count: minutes });
    }
    case 'forbidden':
      return t('errors.forbidden');
    case 'not-found':
      return t('errors.notFound');
    case 'unauthorized':
      return t('errors.sessionEnded');
    case 'bad-request':
    case 'unsupported-media-type':
    case 'payload-too-large':
      return t('errors.badRequest');
    case 'bad-reply':
      return t('errors.badReply');
    default:
      return t('errors.server');
  }
}
