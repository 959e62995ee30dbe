/**
 * Live queries for screens: a Preact hook over Dexie's liveQuery, and the queries staff
 * views need. A screen re-renders when the rows it reads change, in this tab or another.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Place } from '../../shared/contract/device';
import {
  countByStatus,
  quarantinedResponses,
  responseStatus,
  type StatusCounts,
} from './responses';
import type { DeviceResponse, Enrollment, Interviewing, ResponseStatus, SyncState } from './schema';
import {
  getEnrollment,
  getInterviewing,
  getPlaces,
  getSentKeptDays,
  getSyncState,
} from './settings';

/** Subscribes to a query; undefined until its first result. */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[] = [],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

export function useStatusCounts(): StatusCounts | undefined {
  return useLiveQuery(countByStatus);
}

export function useQuarantined(): DeviceResponse[] | undefined {
  return useLiveQuery(quarantinedResponses);
}

/** Days a sent response stays on this device (the branch's setting). */
export function useSentKeptDays(): number | undefined {
  return useLiveQuery(getSentKeptDays);
}

/** Who asks the questions and where (interviewer mode); undefined while loading. */
export function useInterviewing(): Interviewing | undefined {
  return useLiveQuery(getInterviewing);
}

/** The branch's places from the stored configuration (works offline). */
export function usePlaces(): Place[] | undefined {
  return useLiveQuery(getPlaces);
}

export function useSyncState(): SyncState | undefined {
  return useLiveQuery(getSyncState);
}

/** null once known to be not enrolled; undefined while loading. */
export function useEnrollment(): Enrollment | null | undefined {
  const enrollment = useLiveQuery(async () => (await getEnrollment()) ?? null);
  return enrollment;
}

/** One response's status as it changes (queued → synced); null once it is gone. */
export function useResponseStatus(id: string | undefined): ResponseStatus | null | undefined {
  return useLiveQuery(
    async () => (id === undefined ? null : ((await responseStatus(id)) ?? null)),
    [id],
  );
}
