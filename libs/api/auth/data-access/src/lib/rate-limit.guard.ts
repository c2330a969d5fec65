import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthedRequest } from './principal';

/**
 * Rate limits (sign-in per address, ingestion per caller). Runs after the AuthGuard, so a
 * token or user is counted as itself wherever it connects from.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as AuthedRequest;
    const principal = req.principal;
    return principal
      ? `${principal.kind}:${principal.id}`
      : `ip:${req.ip ?? req.socket?.remoteAddress ?? '?'}`;
  }
}
