// A worker thread that is one kiosk of the chaos run (device.ts). The device's TypeScript
// and the app's modules are loaded through Vite's module runner, as Vitest loads them.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('./device.ts', import.meta.url)), {
  root,
  logLevel: 'error',
});

let stop;
const stopped = new Promise((resolve) => {
  stop = resolve;
});
parentPort.on('message', (message) => {
  if (message === 'stop') stop();
});
const tell = (message) => parentPort.postMessage(message);
try {
  const report = await module.runDevice(workerData, { stopped }, tell);
  tell({ kind: 'done', index: workerData.index, report });
} catch (error) {
  tell({ kind: 'failed', index: workerData.index, error: error?.stack ?? String(error) });
}
parentPort.close();
