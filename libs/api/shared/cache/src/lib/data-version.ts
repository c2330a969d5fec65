import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Notification, Pool, PoolClient } from 'pg';
import { concatMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { DATA_VERSION_CHANNEL } from '@returnlens/api/shared/sql';

/**
 * Runs `read` for callers that arrive while no read is under way; callers that arrive while
 * one is under way wait for the next, which starts when it ends. Every caller thus gets a
 * value read after it asked (never one read before), and a burst of callers costs two reads.
 */
export function nextRoundBatcher<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const round = read().finally(() => {
      if (running === round) running = undefined;
    });
    running = round;
    return round;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

const RECONNECT_MS = 1_000;
const VERSION_SQL = 'SELECT version::text FROM data_version';

/**
 * The committed data version (docs/decisions/0010, 0011), known without a query per request:
 * one pooled connection LISTENs on the channel `data_version`'s trigger announces each new
 * value on, at commit. While that connection is down (PostgreSQL restarting) every caller
 * reads the version from the table instead, until it is back.
 *
 * The API's own writes call `refresh()` before they answer, so their caller's next request
 * sees the new version for certain; a writer elsewhere (the command line, plain SQL) is seen
 * as soon as PostgreSQL delivers its notification, a fraction of a millisecond after commit.
 */
@Injectable()
export class DataVersion implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DataVersion.name);
  private listener?: PoolClient;
  private known?: bigint;
  private readonly changed = new Set<(version: string) => void>();
  private retry?: NodeJS.Timeout;
  private closed = false;
  private readonly read = nextRoundBatcher(async () => {
    const { rows } = await this.pool().query<{ version: string }>({
      name: 'returnlens-data-version',
      text: VERSION_SQL,
    });
    return BigInt(rows[0]?.version ?? '0');
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  // Before TypeORM ends the pool, which waits for every checked-out client.
  onModuleDestroy(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.drop();
  }

  /** The current version: from the notifications, or read from the table while unheard. */
  async current(): Promise<string> {
    if (this.listener && this.known !== undefined) return this.known.toString();
    return (await this.read()).toString();
  }

  /** Reads the version from the table (after a write of the API's own). */
  async refresh(): Promise<void> {
    this.advance(await this.read());
  }

  private pool(): Pool {
    return (this.db.driver as unknown as { master: Pool }).master;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    let client: PoolClient | undefined;
    try {
      client = await this.pool().connect();
      const onNotification = (message: Notification) => {
        // Announced in commit order, which is version order: the newest is the truth.
        if (message.channel === DATA_VERSION_CHANNEL && message.payload)
          this.advance(BigInt(message.payload));
      };
      const onLost = () => this.lost(client!);
      client.on('notification', onNotification);
      client.on('error', onLost);
      client.on('end', onLost);
      // LISTEN before reading: a change committed in between is announced, not missed.
      const [, read] = (await client.query(
        `LISTEN ${DATA_VERSION_CHANNEL}; ${VERSION_SQL}`,
      )) as unknown as [unknown, { rows: { version: string }[] }];
      this.known = BigInt(read.rows[0]?.version ?? '0');
      this.listener = client;
    } catch (error) {
      if (client) client.release(error as Error);
      this.logger.warn(
        `Not listening for data changes (${(error as Error).message}); reading the version per request until reconnected.`,
      );
      this.schedule();
    }
  }

  private lost(client: PoolClient): void {
    if (this.listener !== client) return;
    this.logger.warn('Lost the connection that listens for data changes; reconnecting.');
    this.drop(new Error('listener connection lost'));
    this.schedule();
  }

  private drop(error?: Error): void {
    const client = this.listener;
    this.listener = undefined;
    this.known = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    try {
      client.release(error ?? true);
    } catch {
      // already released
    }
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  /** A version read from the table: never older than one already announced. */
  /**
   * Calls `listener` with each newer version this process learns of (its own writes and
   * everyone else's, as announced); returns the call that stops it.
   */
  onChange(listener: (version: string) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  private advance(version: bigint): void {
    if (this.known !== undefined && version <= this.known) return;
    const first = this.known === undefined;
    this.known = version;
    if (first) return; // the version read at start (or after a reconnect) is no change
    for (const listener of this.changed) listener(version.toString());
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After any request that may have written (not GET, HEAD, OPTIONS), the version is read
 * before the answer leaves: the caller's next question is answered from the new data.
 */
@Injectable()
export class FreshVersionAfterWrites implements NestInterceptor {
  constructor(private readonly dataVersion: DataVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    if (context.getType() !== 'http' || READS.has(method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await this.dataVersion.refresh().catch(() => undefined);
        return answer;
      }),
    );
  }
}
