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
import { from, of, switchMap, type Observable } from 'rxjs';
import { AuthGuard, type RouteRule } from '../auth/auth.guard';
import { DataVersion } from '../database/data-version';
import type { AuthedRequest } from '../auth/principal';
import { requestedFormat } from './tabular.interceptor';

/** Query parameters that change only the encoding, not the answer. */
const ENCODING_PARAMS = new Set(['format', 'table']);

/** The instant analytics judge "now" by: the start of the current minute. */
export function minuteNow(at = Date.now()): Date {
  return new Date(at - (at % 60_000));
}

/** The cache key of a request: path and its answer-changing parameters, sorted. */
export function cacheKey(path: string, query: Record<string, unknown>): string {
  const params = Object.keys(query)
    .filter((name) => !ENCODING_PARAMS.has(name))
    .sort()
    .map((name) => `${name}=${JSON.stringify(query[name])}`);
  return `${path}?${params.join('&')}`;
}

interface Entry {
  answer: object;
  /** The answer as UTF-8 JSON, written as is by the fast path, and its entity tag. */
  json: Buffer;
  etag: string;
  /** Who may read it: the rule of the route that computed it. */
  rule: RouteRule;
}

/**
 * A stored answer's weak entity tag, computed once: the one Express computes on each send
 * (length, then SHA-1), so both ways of answering give the same tag for the same answer.
 */
const weakEtag = (body: Buffer) =>
  `W/"${body.byteLength.toString(16)}-${createHash('sha1').update(body).digest('base64').substring(0, 27)}"`;

const KEY = Symbol('answer cache key');
type KeyedRequest = AuthedRequest & { [KEY]?: string };

const bypasses = (request: Request) =>
  /no-cache|no-store/.test(request.headers['cache-control'] ?? '');

const requestPath = (request: Request) => request.originalUrl.split('?')[0];

/**
 * Answers of the analytics endpoints, kept until the data changes. An entry is keyed by the
 * data version (bumped in the same transaction as any write to a source table, whoever
 * writes: docs/decisions/0010-analytics-response-cache.md), by the minute (answers that
 * depend on the clock judge it at the start of the minute) and by the request's path and
 * parameters. `Cache-Control: no-cache` asks for a fresh answer.
 *
 * Two ways in: `ResponseCache`, the interceptor of the analytics routes, computes and stores
 * answers and serves CSV and Arrow from a stored one; `CachedAnswerMiddleware`, before
 * routing, writes a stored JSON answer after the same access check the guard makes
 * (docs/decisions/0011-answer-cache-fast-path.md).
 */
@Injectable()
export class AnswerCache {
  private readonly entries = new LRUCache<string, Entry>({
    max: 2_000,
    // The JSON text's length; 64 MB in all.
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, entry.json.byteLength),
    ttl: 60_000,
  });
  constructor(
    private readonly dataVersion: DataVersion,
    private readonly guard: AuthGuard,
  ) {}

  /** The stored answer to this request's question. */
  async lookup(request: KeyedRequest): Promise<Entry | undefined> {
    return this.entries.get(await this.key(request));
  }

  async store(request: KeyedRequest, answer: object, rule: RouteRule): Promise<void> {
    const json = Buffer.from(JSON.stringify(answer), 'utf8');
    // Express answers If-None-Match with 304 from this tag instead of hashing on each send.
    this.entries.set(await this.key(request), { answer, json, etag: weakEtag(json), rule });
  }

  /**
   * Writes the stored JSON answer to a repeated question, if there is one and the caller may
   * read it; resolves false (nothing written) otherwise, and routing goes on as usual.
   */
  async answer(request: KeyedRequest, response: Response): Promise<boolean> {
    if (request.method !== 'GET' || bypasses(request)) return false;
    try {
      if (requestedFormat(request) !== 'json') return false;
    } catch {
      return false; // a bad ?format= gets its 400 from the route
    }
    const entry = await this.lookup(request);
    if (!entry) return false;
    try {
      request.principal = (await this.guard.authorize(request, entry.rule)) ?? undefined;
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

/** Stores each analytics answer, and answers a repeated question from the store. */
@Injectable()
export class ResponseCache implements NestInterceptor {
  constructor(
    private readonly cache: AnswerCache,
    private readonly guard: AuthGuard,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (request.method !== 'GET' || bypasses(request)) return next.handle();
    return from(this.cache.lookup(request)).pipe(
      switchMap((hit) => {
        response.setHeader('X-Cache', hit ? 'hit' : 'miss');
        if (hit) return of(hit.answer);
        return next.handle().pipe(
          switchMap(async (answer: unknown) => {
            if (answer && typeof answer === 'object')
              await this.cache.store(request, answer, this.guard.routeRule(context));
            return answer;
          }),
        );
      }),
    );
  }
}

/** Serves repeated JSON questions from the answer cache before the router and its pipes. */
@Injectable()
export class CachedAnswerMiddleware implements NestMiddleware {
  constructor(private readonly cache: AnswerCache) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.cache.answer(request, response).then(
      (answered) => {
        if (!answered) next();
      },
      () => next(),
    );
  }
}
