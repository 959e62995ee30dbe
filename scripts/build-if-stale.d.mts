/** Types of build-if-stale.mjs, which runs as plain Node before anything is built. */
export declare const BUILD_SOURCES: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
/** Whether a build is missing or older than its newest source, under the folder `root`. */
export declare function buildIsStale(root?: string): boolean;
/** Runs `npm run build` when the build is stale; returns false when that build failed. */
export declare function buildIfStale(log?: (line: string) => void): boolean;
