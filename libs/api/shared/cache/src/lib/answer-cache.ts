import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type NestMiddleware,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { from, lastValueFrom, type Observable } from 'rxjs';
import {
  APP_CONFIG,
  minuteNow,
  requestedFormat,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { AnswerAccess } from './answer-access';
import { DataVersion } from './data-version';

/** Query parameters that change only the encoding, not the answer (`lang`: a CSV's labels). */
const ENCODING_PARAMS = new Set(['format', 'table', 'lang']);

/** The cache key of a request: path and its answer-changing parameters, sorted. */
export function cacheKey(path: string, query: Record<string, unknown>): string {
  const params = Object.keys(query)
    .filter((name) => !ENCODING_PARAMS.has(name))
    .sort()
    .map((name) => `${name}=${JSON.stringify(query[name])}`);
  return `${path}?${params.join('&')}`;
}

export interface StoredAnswer {
  readonly answer: unknown;
  /** The answer as UTF-8 JSON, written as is by the fast path, and its entity tag. */
  readonly json: Buffer;
  readonly etag: string;
  /** Who may read it: the rule of the route that computed it. */
  readonly rule: unknown;
}

/** How a missing answer is computed: the route's handler, and its access rule. */
interface Compute {
  readonly run: () => Promise<unknown>;
  readonly rule: unknown;
}

/**
 * A stored answer's weak entity tag, computed once: the one Express computes on each send
 * (length, then SHA-1), so both ways of answering give the same tag for the same answer.
 */
const weakEtag = (body: Buffer) =>
  `W/"${body.byteLength.toString(16)}-${createHash('sha1').update(body).digest('base64').substring(0, 27)}"`;

const KEY = Symbol('answer cache key');
type KeyedRequest = Request & { [KEY]?: string; principal?: unknown };

const bypasses = (request: Request) =>
  /no-cache|no-store/.test(request.headers['cache-control'] ?? '');

/** `Cache-Control: only-if-cached` (RFC 9111): a stored answer or 504, never a computation. */
const onlyIfCached = (request: Request) =>
  /only-if-cached/.test(request.headers['cache-control'] ?? '');

/** Questions asked within this long are answered ahead when the data or the minute changes. */
export const WARM_WINDOW_MS = 15 * 60_000;
/** At most this many of them, the most recently asked first. */
export const WARM_QUESTIONS = 30;

const requestPath = (request: Request) => request.originalUrl.split('?')[0];

/**
 * The answers of the analytics routes, kept until the data changes — the API's one cache
 * (docs/decisions/0010, 0011, 0014). An entry is keyed by the data version (bumped in the
 * same transaction as any write to a source table, whoever writes), by the minute (answers
 * that depend on the clock judge it at the start of the minute) and by the request's path
 * and parameters. Concurrent requests for a missing answer share one computation (lru-cache's
 * `fetch`); a failed computation is given to every waiter and forgotten.
 * `Cache-Control: no-cache` asks for a fresh answer, computed on its own and not stored.
 *
 * Two ways in: `AnswerCacheInterceptor` on the analytics routes computes and stores answers
 * and serves CSV and Arrow from a stored one; `CachedAnswerMiddleware`, before routing,
 * writes a stored JSON answer after the same access check the guard makes.
 *
 * Answered ahead (`ANSWER_WARM`, docs/decisions/0024): the questions asked in the last
 * 15 minutes (at most 30, the most recent first) are computed again in the background as
 * soon as the data changes (a batch, a setting, a write elsewhere) and when the minute turns,
 * one at a time, so the next reader of a view someone is using is served from the cache.
 */
@Injectable()
export class AnswerCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AnswerCache.name);
  /** Recently asked questions (path and parameters) and how to answer them again. */
  private readonly questions = new LRUCache<string, Compute>({
    max: 200,
    ttl: WARM_WINDOW_MS,
    updateAgeOnGet: true,
  });
  private warming?: Promise<void>;
  private warmAgain = false;
  private minuteTimer?: NodeJS.Timeout;
  private stopListening?: () => void;

  private readonly entries = new LRUCache<string, StoredAnswer, Compute>({
    max: 2_000,
    // The JSON text's length; 64 MB in all.
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, entry.json.byteLength),
    ttl: 60_000,
    fetchMethod: async (_key, _stale, { context }) => {
      const answer = await context.run();
      const json = Buffer.from(JSON.stringify(answer) ?? 'null', 'utf8');
      // Express answers If-None-Match with 304 from this tag instead of hashing on each send.
      return { answer, json, etag: weakEtag(json), rule: context.rule };
    },
  });

  constructor(
    private readonly dataVersion: DataVersion,
    private readonly access: AnswerAccess,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config?.answerWarm) return;
    this.stopListening = this.dataVersion.onChange(() => this.warmSoon());
    this.everyMinute();
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    clearTimeout(this.minuteTimer);
  }

  /** The stored answer to this request's question, if there is one. */
  async peek(request: KeyedRequest): Promise<StoredAnswer | undefined> {
    return this.entries.get(await this.key(request));
  }

  /** The stored answer, or the one `compute` gives — computed once for concurrent requests. */
  async answer(request: KeyedRequest, compute: Compute): Promise<StoredAnswer> {
    this.questions.set(cacheKey(requestPath(request), request.query), compute);
    const entry = await this.entries.fetch(await this.key(request), { context: compute });
    if (!entry) throw new Error('The answer cache returned nothing'); // fetchMethod always answers
    return entry;
  }

  /**
   * Writes the stored JSON answer to a repeated question, if there is one and the caller may
   * read it; resolves false (nothing written) otherwise, and routing goes on as usual.
   */
  async serve(request: KeyedRequest, response: Response): Promise<boolean> {
    if (request.method !== 'GET' || bypasses(request)) return false;
    try {
      if (requestedFormat(request) !== 'json') return false;
    } catch {
      return false; // a bad ?format= gets its 400 from the route
    }
    const entry = await this.peek(request);
    if (!entry) {
      if (!onlyIfCached(request)) return false;
      response.status(504).json({
        statusCode: 504,
        message: 'No stored answer to this question (Cache-Control: only-if-cached).',
      });
      return true;
    }
    this.questions.get(cacheKey(requestPath(request), request.query)); // asked again: keep it warm
    try {
      request.principal = (await this.access.authorize(request, entry.rule as never)) ?? undefined;
    } catch {
      return false; // the route's guard answers with the right 401 or 403
    }
    response.setHeader('X-Cache', 'hit');
    response.setHeader('ETag', entry.etag);
    response.type('json').send(entry.json);
    return true;
  }

  /**
   * Computes the stored answers of the recently asked questions that the current data version
   * and minute have none for, one at a time (the most recent first). A call while a round runs
   * asks for one more round after it. Resolves when the rounds are done; never rejects (a
   * question whose answer fails is forgotten: its next asker sees the error).
   */
  warm(): Promise<void> {
    if (this.warming) {
      this.warmAgain = true;
      return this.warming;
    }
    this.warming = (async () => {
      do {
        this.warmAgain = false;
        await this.warmRound();
      } while (this.warmAgain);
    })().finally(() => (this.warming = undefined));
    return this.warming;
  }

  private async warmRound(): Promise<void> {
    const started = Date.now();
    let computed = 0;
    const recent = [...this.questions.entries()].slice(0, WARM_QUESTIONS);
    for (const [question, compute] of recent) {
      const key = `${await this.dataVersion.current()}|${minuteNow().getTime()}|${question}`;
      if (this.entries.has(key)) continue;
      try {
        await this.entries.fetch(key, { context: compute });
        computed++;
      } catch (error) {
        this.questions.delete(question);
        this.logger.debug(`Not answered ahead: ${question}: ${(error as Error).message}`);
      }
    }
    if (computed)
      this.logger.log(
        `Answered ${computed} recent question(s) ahead in ${Date.now() - started} ms`,
      );
  }

  private warmSoon(): void {
    void this.warm();
  }

  /** A round at the start of each minute, while anyone asked within the window. */
  private everyMinute(): void {
    const next = minuteNow().getTime() + 60_000 - Date.now() + 50;
    this.minuteTimer = setTimeout(() => {
      if (this.questions.size) this.warmSoon();
      this.everyMinute();
    }, next);
    this.minuteTimer.unref();
  }

  /**
   * Version (read after the request arrived), minute, path and parameters: made once per
   * request, so an answer is stored under the key it was looked up by.
   */
  private async key(request: KeyedRequest): Promise<string> {
    request[KEY] ??=
      `${await this.dataVersion.current()}|${minuteNow().getTime()}|${cacheKey(requestPath(request), request.query)}`;
    return request[KEY];
  }
}

/** Answers each analytics GET from the cache, computing (once) what is missing. */
@Injectable()
export class AnswerCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: AnswerCache,
    private readonly access: AnswerAccess,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (request.method !== 'GET' || bypasses(request)) return next.handle();
    return from(
      (async () => {
        let computed = false;
        const entry = await this.cache.answer(request, {
          run: () => {
            computed = true;
            return lastValueFrom(next.handle());
          },
          rule: this.access.routeRule(context),
        });
        response.setHeader('X-Cache', computed ? 'miss' : 'hit');
        return entry.answer;
      })(),
    );
  }
}

/** Serves repeated JSON questions from the answer cache before the router and its pipes. */
@Injectable()
export class CachedAnswerMiddleware implements NestMiddleware {
  constructor(private readonly cache: AnswerCache) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.cache.serve(request, response).then(
      (answered) => {
        if (!answered) next();
      },
      () => next(),
    );
  }
}
