/** V8 flags the collector's `serve` runs with: see collector-heap.mjs for why. */
export const COLLECTOR_HEAP_FLAGS: readonly string[];
/** Environment the collector's `serve` starts in (glibc's malloc): see collector-heap.mjs. */
export const COLLECTOR_MALLOC_ENV: Readonly<Record<string, string>>;
