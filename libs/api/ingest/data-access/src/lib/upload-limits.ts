import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';

/**
 * The bounds of the upload path (docs/reliability.md, "Uploads"): how many uploads hold a
 * database connection at once, and how long a body may send nothing.
 */

/** Every upload slot is taken: the client should retry after Retry-After seconds. */
export class UploadsBusyError extends Error {
  readonly retryAfterSeconds = 5;

  constructor(readonly limit: number) {
    super(
      `${limit} upload${limit === 1 ? ' is' : 's are'} already being loaded, the most this server takes at once ` +
        `(INGEST_MAX_UPLOADS=${limit}); nothing of this one was read or stored. Send it again in a few seconds.`,
    );
    this.name = 'UploadsBusyError';
  }
}

/** The client stopped sending its file part-way. */
export class UploadStalledError extends Error {
  constructor(readonly seconds: number) {
    super(
      `The upload stalled: no data arrived for ${seconds} seconds (INGEST_STALL_SECONDS), so it was ` +
        'stopped and nothing of it was stored. Send the file again.',
    );
    this.name = 'UploadStalledError';
  }
}

/** The Idempotency-Key was used before, by the same caller for the same kind, with another file. */
export class IdempotencyKeyReusedError extends Error {
  constructor(
    readonly key: string,
    readonly batchId: string,
  ) {
    super(
      `The Idempotency-Key "${key}" was already used for a different file (batch ${batchId}): ` +
        'this body differs from that one (its SHA-256 checksum does not match), so it was not loaded. ' +
        'Send a new file with a new key.',
    );
    this.name = 'IdempotencyKeyReusedError';
  }
}

/**
 * Admission of uploads: at most `limit` hold a database connection at once; one more waits up
 * to `waitMs` for a slot, then gets UploadsBusyError. First come, first served.
 */
export class UploadSlots {
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Resolves with the slot's release once one is free; rejects after `waitMs`. */
  acquire(waitMs: number): Promise<() => void> {
    if (this.inUse < this.limit) {
      this.inUse++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.inUse++;
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new UploadsBusyError(this.limit));
      }, waitMs);
      this.waiting.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse--;
      this.waiting.shift()?.();
    };
  }
}

/**
 * An upload's body as the readers see it (`stream`), with the SHA-256 of every byte received
 * and a watch for a client that stops sending: no byte for `stallMs` while the server waits
 * for one fails the stream with UploadStalledError (a server that is itself behind, the
 * stream full, is not a stall).
 */
export class UploadBody {
  readonly stream = new PassThrough();
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly ended: Promise<void>;
  private fail: (error: unknown) => void = () => undefined;
  /** Set once the client stalled: whatever error the readers report, this is the cause. */
  stalled: UploadStalledError | null = null;

  constructor(
    private readonly source: Readable,
    private readonly stallMs: number,
  ) {
    this.ended = new Promise((resolve, reject) => {
      this.fail = reject;
      source.once('end', () => {
        clearTimeout(this.timer);
        this.digest = this.hash.digest('hex');
        resolve();
      });
    });
    this.ended.catch(() => undefined);
    source.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.arm();
    });
    // A failing request stream ends the read (an 'error' listener, so never the process).
    source.on('error', (error) => {
      clearTimeout(this.timer);
      this.fail(error);
      this.stream.destroy(error);
    });
    source.pipe(this.stream);
    this.arm();
  }

  /** The SHA-256 of the body, once it was received in full; null before. */
  checksum(): string | null {
    return this.digest;
  }

  /** Reads the rest of the body (nobody else needs it) and resolves with its checksum. */
  async drain(): Promise<string> {
    this.source.unpipe(this.stream);
    this.source.resume();
    this.arm();
    await this.ended;
    return this.digest as string;
  }

  /** Stops watching and discards whatever the client still sends (the answer is decided). */
  discard(): void {
    clearTimeout(this.timer);
    this.source.unpipe(this.stream);
    this.source.resume();
    if (!this.stream.destroyed) this.stream.destroy();
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.digest !== null || this.stalled) return;
    this.timer = setTimeout(() => this.check(), this.stallMs);
    this.timer.unref();
  }

  private check(): void {
    if (this.digest !== null || this.source.readableEnded) return;
    // The readers are behind (the stream is full and the request paused): not the client's fault.
    if (this.stream.writableNeedDrain && !this.source.readableFlowing) return this.arm();
    this.stalled = new UploadStalledError(Math.round(this.stallMs / 1000));
    this.source.unpipe(this.stream);
    this.source.resume(); // whatever still comes is discarded
    this.stream.destroy(this.stalled);
    this.fail(this.stalled); // drain() fails with the stall too
  }
}
