import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * The access decision the cache asks before it writes a stored answer: the same one the
 * route's guard makes (provided by the auth library, so the cache never imports it). A
 * stored answer keeps the rule of the route that computed it.
 */
export abstract class AnswerAccess {
  /** The rule of the route `context` runs. */
  abstract routeRule(context: ExecutionContext): unknown;

  /** Resolves with the caller when `rule` lets them in; throws the 401/403 otherwise. */
  abstract authorize(request: Request, rule: never): Promise<unknown>;
}
