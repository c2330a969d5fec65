import { createHash } from 'node:crypto';
import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type NestMiddleware,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { minuteNow, requestedFormat } from '@returnlens/api/shared/util';
import { AnswerAccess } from './answer-access';
import { DataVersion } from './data-version';

/** Query parameters that change only the encoding, not the answer. */
const ENCODING_PARAMS = new Set(['format', 'table']);

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
 */
@Injectable()
export class AnswerCache {
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
  ) {}

  /** The stored answer to this request's question, if there is one. */
  async peek(request: KeyedRequest): Promise<StoredAnswer | undefined> {
    return this.entries.get(await this.key(request));
  }

  /** The stored answer, or the one `compute` gives — computed once for concurrent requests. */
  async answer(request: KeyedRequest, compute: Compute): Promise<StoredAnswer> {
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
    if (!entry) return false;
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
