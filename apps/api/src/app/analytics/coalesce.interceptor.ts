import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';

/**
 * Identical GETs that arrive while one is being answered share its answer: a dashboard
 * opened by many people at once asks the same few questions, and each is computed once at
 * a time instead of once per reader (docs/reliability.md, "Load"). Nothing is kept after
 * the answer: the next request computes afresh. The key holds the credentials, so answers
 * are only shared between requests of the same caller.
 *
 * Runs inside the guards and outside the handler: put it after TabularInterceptor, which
 * formats each request's copy.
 */
@Injectable()
export class CoalesceInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET') return next.handle();
    const key = [
      context.getClass().name,
      context.getHandler().name,
      req.originalUrl,
      req.headers.authorization ?? '',
      req.headers.cookie ?? '',
    ].join('\n');
    let shared = this.inFlight.get(key);
    if (!shared) {
      shared = lastValueFrom(next.handle()).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, shared);
    }
    return from(shared);
  }
}
