/** V8 flags the collector's `serve` runs with: see collector-heap.mjs for why. */
export const COLLECTOR_HEAP_FLAGS: readonly string[];
