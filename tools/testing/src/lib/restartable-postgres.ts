import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { assertTestDatabase } from './test-database';

/** A PostgreSQL a fault test owns: it may stop and start it while the API runs. */
export interface RestartablePostgres {
  /** URL of the `faults_test` database on it. */
  readonly url: string;
  readonly port: number;
  /** Fast shutdown (SIGINT): sessions get 57P01 admin_shutdown, then the server is gone. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>;
  /** Stops it for good and deletes its folder. */
  destroy(): Promise<void>;
}

/**
 * An embedded PostgreSQL in a temporary folder on a free port of 55600–55699 (never the
 * system server, never the suite's shared one), with a `faults_test` database. It runs in
 * a child process (restartable-postgres.mjs) that the test drives line by line.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const child = spawn(process.execPath, [join(__dirname, 'restartable-postgres.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const answer = async (): Promise<string> => {
    const next = await lines.next();
    if (next.done) throw new Error('the PostgreSQL helper process exited');
    if (next.value.startsWith('error ')) throw new Error(`PostgreSQL: ${next.value.slice(6)}`);
    return next.value;
  };
  let queue: Promise<unknown> = Promise.resolve();
  const send = (command: string): Promise<void> => {
    const done = queue.then(async () => {
      child.stdin!.write(`${command}\n`);
      await answer();
    });
    queue = done.catch(() => undefined);
    return done;
  };
  const ready = await answer();
  const port = Number(/^ready (\d+)$/.exec(ready)?.[1]);
  const url = `postgres://postgres:test@127.0.0.1:${port}/faults_test`;
  assertTestDatabase(url);
  return {
    url,
    port,
    stop: () => send('stop'),
    start: () => send('start'),
    destroy: async () => {
      await send('destroy');
      child.stdin!.end();
    },
  };
}
