import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RATE_LIMITS_KEY } from './access.decorators';
import type { AuthedRequest } from './principal';

/** The client address a request came from. */
export const addressOf = (request: Record<string, unknown>): string => {
  const req = request as unknown as AuthedRequest;
  return `ip:${req.ip ?? req.socket?.remoteAddress ?? '?'}`;
};

/** For a throttler that counts only on the routes naming it with `@RateLimits(name)`. */
export const unlessNamed =
  (name: string) =>
  (context: ExecutionContext): boolean =>
    !(
      (Reflect.getMetadata(RATE_LIMITS_KEY, context.getHandler()) as string[] | undefined) ?? []
    ).includes(name);

/**
 * Rate limits (sign-in per address, ingestion per caller, password changes per user and per
 * address). Runs after the AuthGuard, so a token or user is counted as itself wherever it
 * connects from.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = (request as unknown as AuthedRequest).principal;
    return principal ? `${principal.kind}:${principal.id}` : addressOf(request);
  }

  /** The 429 with a code, so its message speaks the request's language (the error filter). */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'too_many_requests',
        params: { seconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)) },
        message: await this.getErrorMessage(context, detail),
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
