#!/usr/bin/env node
// Runs the collector (`npm start`, `npm run collector -- …`), building first what is
// missing or older than its sources, so a fresh clone needs only `npm install && npm start`.
import './require-node.mjs';
import { buildIfStale } from './build-if-stale.mjs';

if (!buildIfStale()) process.exit(1);

const { main } = await import(new URL('../dist/server/collector.js', import.meta.url).href);
await main(process.argv.slice(2));
