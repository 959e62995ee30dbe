// The V8 heap sizes and the malloc setting `npm start` and the test harness run the
// collector with (the systemd unit in the README names them too; test/collector-heap.test.ts
// keeps the three equal).
//
// V8 sizes its heap for the machine it runs on. On a 24 GiB server, a collector taking
// 100,000 responses from four kiosks let its resident set grow to 389 MB, nearly all of it
// garbage that V8 had no reason to collect yet (bench/collector-memory.bench.ts). A young
// generation of 2 MB semi-spaces cost no throughput there; the cap on the old generation is
// a few times what the collector keeps live while it ingests, serves results and streams
// exports. --optimize-for-size has V8 collect as it otherwise does only when memory runs
// short: over the same 100,000 responses the peak fell from 143-168 MB to 131-136 MB and the
// idle collector by 4-5 MB, for a fifth to a quarter more CPU time.
//
// --no-maglev turns off V8's mid-tier optimizing compiler. On a fast, quiet machine
// (8,500-9,300 responses/s over HTTP before it), six runs alternated with and without it
// peaked at 153-166 MB and 134-141 MB: the anonymous memory outside V8's heap at 31-43 MB
// and 23-25 MB, the heap at 58-74 and 52-59 MB. The cost is about 7% more CPU time over the
// 100,000; hot code still reaches TurboFan, only later.
//
// The CLI's other commands run without these limits: a file a librarian imports may hold
// weeks of a bookmobile's responses.
export const COLLECTOR_HEAP_FLAGS = [
  '--max-semi-space-size=2',
  '--max-old-space-size=128',
  '--optimize-for-size',
  '--no-maglev',
];

// glibc's malloc gives threads that allocate at once arenas of their own (up to 8 per
// core) and keeps what is freed in each. With two arenas the idle collector was 4-5 MB
// smaller and its peak over 100,000 responses a few MB lower, at the same throughput
// (bench/collector-memory.bench.ts). glibc reads this only at start, so it is set in the
// environment the collector starts in.
export const COLLECTOR_MALLOC_ENV = { MALLOC_ARENA_MAX: '2' };
