import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, XSRF_HEADER, type Permission } from '@returnlens/shared/contracts';
import { AccountsService } from './accounts.service';
import { ALLOW_KEY, DURING_PASSWORD_CHANGE_KEY, PUBLIC_KEY } from './access.decorators';
import { hashToken } from './api-tokens';
import type { AuthedRequest, Principal } from './principal';

/** What a route's decorators say about who may call it. */
export interface RouteRule {
  isPublic: boolean;
  duringPasswordChange: boolean;
  allowed?: readonly Permission[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER_EXAMPLE = 'Authorization: Bearer <token>';
const TOKEN_COMMAND = 'npm run token -- create --name <name> --scopes read';

export const PERMISSION_WORDS: Readonly<Record<Permission, string>> = {
  claims: 'claims and the weekly report',
  suppliers: 'suppliers and products',
  sla: 'SLA figures',
  feedback: 'reviews and feedback',
  ingest: 'uploading data',
  settings: 'changing settings',
  admin: 'users and tokens',
};

/**
 * Every API route goes through here: who is calling (API token or session cookie), whether a
 * cookie-borne change carries its CSRF token, and whether the caller's permissions open it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    this.accounts.refreshShopLanguage();
    request.principal = (await this.authorize(request, this.routeRule(context))) ?? undefined;
    return true;
  }

  /** The permissions that open a route, as its decorators declare them. */
  routeRule(context: ExecutionContext): RouteRule {
    const targets = [context.getHandler(), context.getClass()];
    return {
      isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
      duringPasswordChange:
        this.reflector.getAllAndOverride<boolean>(DURING_PASSWORD_CHANGE_KEY, targets) === true,
      allowed: this.reflector.getAllAndOverride<Permission[] | undefined>(ALLOW_KEY, targets),
    };
  }

  /**
   * The one access decision: who calls, and whether `rule` lets them in. Resolves with the
   * caller (null on a public route without credentials); throws the 401/403 to answer.
   */
  async authorize(request: AuthedRequest, rule: RouteRule): Promise<Principal | null> {
    const principal = await this.identify(request, rule.isPublic);
    if (rule.isPublic) return principal;
    if (!principal)
      throw new UnauthorizedException({
        statusCode: 401,
        code: 'unauthenticated',
        params: { header: BEARER_EXAMPLE },
        message: `Sign in first, or send an API token as "${BEARER_EXAMPLE}".`,
      });
    if (principal.kind === 'session' && !SAFE_METHODS.has(request.method))
      checkCsrf(request, principal);
    if (principal.mustChangePassword && !rule.duringPasswordChange) {
      throw new ForbiddenException({
        statusCode: 403,
        code: 'password_change_required',
        message: 'Choose a new password before going on (your password was a one-time password).',
      });
    }
    const allowed = rule.allowed;
    if (allowed?.length && !allowed.some((p) => principal.permissions.includes(p))) {
      const who =
        principal.kind === 'session'
          ? `Your role (${principal.roles.join(', ')})`
          : `This API token (scopes: ${principal.scopes.join(', ')})`;
      throw new ForbiddenException({
        statusCode: 403,
        ...(principal.kind === 'session'
          ? { code: 'forbidden_role', params: { roles: principal.roles, permissions: allowed } }
          : {
              code: 'forbidden_token',
              params: { scopes: principal.scopes, permissions: allowed },
            }),
        message: `${who} does not give access to ${allowed.map((p) => PERMISSION_WORDS[p]).join(' or ')}.`,
      });
    }
    return principal;
  }

  /** A Bearer token wins over a cookie; a bad token is an error even on public routes. */
  private async identify(request: AuthedRequest, isPublic: boolean): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const principal = token ? await this.accounts.tokenPrincipal(token) : null;
      if (!principal && !isPublic)
        throw new UnauthorizedException({
          statusCode: 401,
          code: 'token_unknown',
          params: { command: TOKEN_COMMAND, header: BEARER_EXAMPLE },
          message: `The API token is unknown or revoked. Create one with \`${TOKEN_COMMAND}\` and send it as "${BEARER_EXAMPLE}".`,
        });
      return principal;
    }
    const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!cookie) return null;
    const principal = await this.accounts.sessionPrincipal(cookie);
    if (!principal && !isPublic)
      throw new UnauthorizedException({
        statusCode: 401,
        code: 'session_ended',
        message: 'Your session has ended; sign in again.',
      });
    return principal;
  }
}

/** Double submit, bound to the session: the header must be the session's own CSRF token. */
function checkCsrf(request: AuthedRequest, principal: Principal): void {
  const sent = request.headers[XSRF_HEADER];
  const expected = Buffer.from(principal.csrfHash ?? '', 'hex');
  const actual =
    typeof sent === 'string' && sent ? Buffer.from(hashToken(sent), 'hex') : Buffer.alloc(0);
  if (
    expected.length === 0 ||
    actual.length !== expected.length ||
    !timingSafeEqual(actual, expected)
  ) {
    throw new ForbiddenException({
      statusCode: 403,
      code: 'csrf_missing',
      message:
        "This change was refused because it did not carry the page's security token (CSRF). Reload the page and try again.",
    });
  }
}
