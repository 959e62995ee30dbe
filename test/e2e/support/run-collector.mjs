// Runs the built collector bundle as is (no rebuild check): the browser tests use exactly
// the build `npm test` made before them.
const { main } = await import(new URL('../../../dist/server/collector.js', import.meta.url).href);
await main(process.argv.slice(2));
