import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@returnlens/shared/contracts';

export const PUBLIC_KEY = 'returnlens:public';
export const ALLOW_KEY = 'returnlens:allow';
export const DURING_PASSWORD_CHANGE_KEY = 'returnlens:during-password-change';

/** Open without signing in (health, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The permissions that open a route: any one of them suffices. Without it, any signed-in
 * person or token may call the route; without `@Public()`, nobody anonymous may.
 */
export const Allow = (...permissions: Permission[]) => SetMetadata(ALLOW_KEY, permissions);

/** Reachable while the user must still replace a one-time password. */
export const DuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE_KEY, true);

export const RATE_LIMITS_KEY = 'returnlens:rate-limits';

/**
 * Opts a route into named rate limits that count nowhere else (the password change's). The
 * module's other limits (sign-in, ingestion) apply wherever `RateLimitGuard` runs unless
 * skipped with `@SkipThrottle`.
 */
export const RateLimits = (...names: string[]) => SetMetadata(RATE_LIMITS_KEY, names);
