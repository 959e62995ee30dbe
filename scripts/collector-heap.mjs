// The V8 heap sizes `npm start` and the test harness run the collector with (the systemd
// unit in the README names them too; test/collector-heap.test.ts keeps the three equal).
//
// V8 sizes its heap for the machine it runs on. On a 24 GiB server, a collector taking
// 100,000 responses from four kiosks let its resident set grow to 389 MB, nearly all of it
// garbage that V8 had no reason to collect yet (bench/collector-memory.bench.ts). A young
// generation of 2 MB semi-spaces cost no throughput there; the cap on the old generation is
// a few times what the collector keeps live while it ingests, serves results and streams
// exports. The CLI's other commands run without these limits: a file a librarian imports
// may hold weeks of a bookmobile's responses.
export const COLLECTOR_HEAP_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=128'];
