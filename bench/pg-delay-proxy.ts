/**
 * PostgreSQL as if on another host, for the ingest benchmark: forwards 127.0.0.1:15432 to
 * the server at 127.0.0.1:5432, holding every packet the given milliseconds (1 by
 * default), in order, each way. With 1, `select 1` takes about 2.6 ms where it takes 0.1
 * ms direct. Run it apart from the benchmark, so that its work is not the collector's:
 *
 *   node bench/pg-delay-proxy.ts 1 &
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:15432/test \
 *     npx vitest bench --run bench/ingest.bench.ts -t postgres
 */
import { connect, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const delayMs = Number(process.argv[2] ?? 1);
const [listenPort, serverPort] = [15432, 5432];

/** Everything `from` sends goes to `to`, each packet held delayMs, in the order sent. */
function forward(from: Socket, to: Socket): void {
  let sent = Promise.resolve();
  from.on('data', (packet) => {
    sent = sent.then(async () => {
      await sleep(delayMs);
      to.write(packet);
    });
  });
  from.on('end', () => void sent.then(() => to.end()));
  from.on('error', () => to.destroy());
  from.on('close', () => void sent.then(() => to.destroy()));
}

createServer((client) => {
  const server = connect(serverPort, '127.0.0.1');
  forward(client, server);
  forward(server, client);
}).listen(listenPort, '127.0.0.1', () => {
  console.log(`127.0.0.1:${listenPort} → 127.0.0.1:${serverPort}, ${delayMs} ms each way`);
});
