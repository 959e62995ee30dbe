/**
 * Which zod each build loads. The contract (src/shared/contract) and the app's own few
 * schemas are written with zod/mini's functions (`z.optional(x)`, `x.check(z.maxLength(n))`),
 * so the kiosk's and the phone's scripts carry zod's small build: about 29 KB minified where
 * classic zod took 95 KB of the phone's entry, downloaded over mobile data and run on the
 * phone's CPU before Start responds (test/e2e/build.test.ts fails if classic comes back).
 *
 * Everywhere else `zod/mini` resolves to classic zod, which has every function the contract
 * calls, built on the same core, so the same schema checks the same things with the same
 * messages (config/zod-flavours.test.ts fails if the contract calls a function classic
 * lacks, such as mini's `z.extend` or `z.minimum`: the contract spreads `.shape` and uses
 * `z.gte`, which are the same). In the collector (its bundle, and the tests and benchmarks
 * that run its code) that is for speed: classic compiles an object schema's parser to
 * JavaScript where mini interprets it, and validating sync batches took 7% more of the
 * ingest benchmark's throughput without it. In the dashboard's build it keeps one copy of
 * zod, as its own schemas are classic. The browser entries run zod jitless either way
 * (src/shared/zod-without-eval.ts).
 */
import type { AliasOptions } from 'vite';

export const ZOD_MINI_AS_CLASSIC: AliasOptions = [{ find: /^zod\/mini$/, replacement: 'zod' }];
