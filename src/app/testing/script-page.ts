/**
 * For the tests that run a page's plain early script in a vm (phone/early-start.test.ts,
 * kiosk/welcome-snapshot-script.test.ts): the page's frame and task queues, run one step
 * at a time, and its `Worker`, which records the workers started. `worker`: as a browser
 * starts them, throwing as a page whose policy bars them does, or missing.
 */
export function scriptPage(worker: 'starts' | 'throws' | 'missing' = 'starts') {
  const frames: (() => void)[] = [];
  const queued: (() => void)[] = [];
  const workers: [string, unknown][] = [];
  return {
    /** The page's globals the queues and workers need, for the vm's context. */
    globals: {
      requestAnimationFrame: (callback: () => void) => frames.push(callback),
      setTimeout: (callback: () => void) => queued.push(callback),
      ...(worker !== 'missing' && {
        Worker: function Worker(url: string, options: unknown) {
          if (worker === 'throws') throw new Error('SecurityError');
          workers.push([url, options]);
        },
      }),
    },
    /** The workers started: their script and options. */
    workers,
    /** Runs the next animation frame's callbacks. */
    frame: () => {
      for (const callback of frames.splice(0)) callback();
    },
    /** Runs the tasks queued so far. */
    tasks: () => {
      for (const callback of queued.splice(0)) callback();
    },
  };
}
