/**
 * PostgreSQL as if on another host, for the ingest benchmark: forwards 127.0.0.1:15432 to
 * the server at 127.0.0.1:5432, each packet leaving the given milliseconds (1 by default)
 * after it arrived, in order, each way. With 1, `select 1` takes about 2.6 ms where it
 * takes 0.1 ms direct. Run it apart from the benchmark, so that its work is not the
 * collector's:
 *
 *   node bench/pg-delay-proxy.ts 1 &
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:15432/test \
 *     npx vitest bench --run bench/ingest.bench.ts -t postgres
 */
import { connect, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const delayMs = Number(process.argv[2] ?? 1);
const [listenPort, serverPort] = [15432, 5432];

/**
 * Everything `from` sends goes to `to`, each packet due delayMs after it arrived (so a
 * long message is held once, not once per packet), in the order sent; its end follows
 * the last packet, each way on its own.
 */
function forward(from: Socket, to: Socket): void {
  let sent = Promise.resolve();
  from.on('data', (packet) => {
    const due = performance.now() + delayMs;
    sent = sent.then(async () => {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      to.write(packet);
    });
  });
  from.on('end', () => void sent.then(() => to.end()));
  from.on('error', () => to.destroy());
}

createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
  const server = connect({
    port: serverPort,
    host: '127.0.0.1',
    allowHalfOpen: true,
    noDelay: true,
  });
  forward(client, server);
  forward(server, client);
}).listen(listenPort, '127.0.0.1', () => {
  console.log(`127.0.0.1:${listenPort} → 127.0.0.1:${serverPort}, ${delayMs} ms each way`);
});
