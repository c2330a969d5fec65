import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { from, of, switchMap, tap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';

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

/**
 * Answers of the analytics endpoints, kept until the data changes. An entry is keyed by the
 * data version (bumped in the same transaction as any write to a source table, whoever
 * writes: docs/decisions/0010-analytics-response-cache.md), by the minute (answers that
 * depend on the clock judge it at the start of the minute) and by the request's path and
 * parameters. `Cache-Control: no-cache` asks for a fresh answer.
 */
@Injectable()
export class ResponseCache implements NestInterceptor {
  private readonly entries = new LRUCache<string, object>({
    max: 2_000,
    // About the size of the JSON answer; 64 MB in all.
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (value) => Math.max(1, JSON.stringify(value).length),
    ttl: 60_000,
  });
  private hits = 0;
  private misses = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (
      request.method !== 'GET' ||
      /no-cache|no-store/.test(request.headers['cache-control'] ?? '')
    )
      return next.handle();
    return from(this.version()).pipe(
      switchMap((version) => {
        const key = `${version}|${minuteNow().getTime()}|${cacheKey(request.path, request.query)}`;
        const hit = this.entries.get(key);
        if (hit) {
          this.hits++;
          response.setHeader('X-Cache', 'hit');
          return of(hit);
        }
        this.misses++;
        response.setHeader('X-Cache', 'miss');
        return next.handle().pipe(
          tap((answer) => {
            if (answer && typeof answer === 'object') this.entries.set(key, answer);
          }),
        );
      }),
    );
  }

  stats() {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }

  private async version(): Promise<string> {
    const [row] = await this.db.query<{ version: string }[]>(
      'SELECT version::text FROM data_version',
    );
    return row?.version ?? '0';
  }
}
