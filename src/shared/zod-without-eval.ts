/**
 * For the pages whose Content-Security-Policy forbids `new Function` (the app's and the
 * dashboard's: `script-src 'self'`, no 'unsafe-eval'): zod runs jitless there. An object
 * schema asks whether `new Function` is allowed when it is built, not when it first
 * parses; without the setting it tries, which the policy refuses and reports as a
 * violation. Parsing is the same either way.
 *
 * zod keeps its settings in this global (what `z.config` writes to), so setting it needs no
 * import of zod: the kiosk loads zod after its first screen, in chunks of its own, and a
 * load step that imported zod only to configure it would change how the bundler splits
 * them. Each browser entry imports this module before anything else, and so does a module
 * whose chunk an entry imports statically (that chunk runs before the entry's own code:
 * admin/api.ts). test/e2e/kiosk-content-policy.test.ts fails if a page still tries. Only
 * browser code imports it: the server leaves zod as it is, compiling its parsers, which is
 * faster.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;
