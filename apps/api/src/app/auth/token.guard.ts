import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { hashToken, TOKEN_SQL, type TokenScope } from './api-tokens';

const SCOPE = 'returnlens:scope';

/** The route needs an API token carrying this scope. */
export const RequireScope = (scope: TokenScope) => SetMetadata(SCOPE, scope);

@Injectable()
export class TokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.getAllAndOverride<TokenScope | undefined>(SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scope) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const howTo =
      `Create one with \`npm run token -- create --name <name> --scopes ${scope}\` ` +
      'and send it as "Authorization: Bearer <token>".';
    if (!token)
      throw new UnauthorizedException(
        `This needs an API token with the "${scope}" scope. ${howTo}`,
      );
    const [found] = await this.db.query<{ scopes: string[] }[]>(TOKEN_SQL.use, [hashToken(token)]);
    if (!found) throw new UnauthorizedException(`The API token is unknown or revoked. ${howTo}`);
    if (!found.scopes.includes(scope) && !found.scopes.includes('admin')) {
      throw new ForbiddenException(
        `The API token lacks the "${scope}" scope (it has: ${found.scopes.join(', ')}).`,
      );
    }
    return true;
  }
}
