import {
  BadRequestException,
  ForbiddenException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { TokenScope } from '@returnlens/shared/contracts';
import { AccountError, AccountsService, validRoles } from '@returnlens/api/auth/data-access';
import { Allow } from '@returnlens/api/auth/data-access';
import { actorOf, type AuthedRequest, type Principal } from '@returnlens/api/auth/data-access';
import {
  callerWords,
  manageableRoles,
  refuseRolesBeyondOwn,
  refuseScopesBeyondOwn,
} from '@returnlens/api/auth/data-access';
import { ApiAnswer, ApiErrorResponses } from '@returnlens/api/shared/util';
import {
  AuditLogDto,
  AuditQueryDto,
  CreatedTokenDto,
  CreatedUserDto,
  IdParamsDto,
  NewTokenDto,
  NewUserDto,
  OneTimePasswordDto,
  TokenListDto,
  UserChangeDto,
  UserDto,
  UserListDto,
} from './dto/admin.dto';

function bad(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message });
}

/**
 * Users, API tokens and the audit log: admins and owners. Nobody gives more than they hold
 * (grants.ts): an admin may create admins and disable anyone, but only an owner (or an
 * `admin`-scope token) may give data access — create or promote a buyer, manager or owner,
 * mint a `read`, `ingest` or `admin` token, or reset the password of someone who holds
 * permissions the caller lacks.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('admin')
@Allow('admin')
export class AdminController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('users')
  @ApiAnswer(UserListDto, { description: 'Every user of the shop' })
  users() {
    return this.accounts.listUsers();
  }

  /** Creates a user; the answer carries a one-time password, shown once. */
  @Post('users')
  @ApiAnswer(CreatedUserDto, { status: 201, description: 'Created, with a one-time password' })
  async createUser(@Body() body: NewUserDto, @Req() request: AuthedRequest) {
    let roles;
    try {
      roles = validRoles(body.roles);
    } catch (error) {
      throw bad((error as Error).message);
    }
    refuseRolesBeyondOwn(
      request.principal!,
      roles,
      `create a user with the role ${roles.join(', ')}`,
    );
    try {
      const created = await this.accounts.createUser({
        email: body.email,
        name: body.name,
        roles,
      });
      await this.accounts.audit(
        actorOf(request.principal),
        'user_created',
        created.user.email,
        request.ip,
        {
          roles: created.user.roles,
        },
      );
      return { user: created.user, oneTimePassword: created.password };
    } catch (error) {
      if (error instanceof AccountError) throw bad(error.message);
      throw error;
    }
  }

  @Patch('users/:id')
  @ApiAnswer(UserDto, { description: 'The user as changed' })
  @ApiErrorResponses(404)
  async updateUser(
    @Param() { id }: IdParamsDto,
    @Body() body: UserChangeDto,
    @Req() request: AuthedRequest,
  ) {
    const principal = request.principal!;
    if (principal.kind === 'session' && principal.id === id && (body.disabled || body.roles))
      throw bad('You cannot disable yourself or change your own roles; ask another admin.');
    let roles;
    try {
      roles = body.roles && validRoles(body.roles);
    } catch (error) {
      throw bad((error as Error).message);
    }
    // Roles are given and taken only by someone who holds every permission involved: the new
    // roles' and the user's present ones (an admin does not demote an owner either).
    let within;
    if (roles) {
      const target = await this.target(id);
      refuseRolesBeyondOwn(principal, roles, `give the role ${roles.join(', ')}`);
      refuseRolesBeyondOwn(
        principal,
        target.roles,
        `change the roles of ${target.email} (${target.roles.join(', ')})`,
      );
      within = manageableRoles(principal);
    }
    const user = await this.accounts.updateUser(id, { ...body, roles }, within);
    if (!user) throw await this.missingOrBeyond(id, principal);
    await this.accounts.audit(actorOf(principal), 'user_changed', user.email, request.ip, {
      ...body,
    });
    return user;
  }

  @Post('users/:id/reset-password')
  @ApiAnswer(OneTimePasswordDto, {
    status: 201,
    description: 'A new one-time password; every session of the user ends',
  })
  @ApiErrorResponses(404)
  async resetPassword(@Param() { id }: IdParamsDto, @Req() request: AuthedRequest) {
    const principal = request.principal!;
    // The one-time password opens the account: only for a user the caller could have created.
    const target = await this.target(id);
    refuseRolesBeyondOwn(
      principal,
      target.roles,
      `reset the password of ${target.email} (${target.roles.join(', ')})`,
    );
    const password = await this.accounts.resetPassword(id, manageableRoles(principal));
    if (!password) throw await this.missingOrBeyond(id, principal);
    await this.accounts.audit(actorOf(request.principal), 'password_reset', id, request.ip);
    return { oneTimePassword: password };
  }

  @Get('tokens')
  @ApiAnswer(TokenListDto, { description: 'Every API token, revoked ones too' })
  tokens() {
    return this.accounts.listTokens();
  }

  /** Creates an API token; the answer carries it once, only its hash is kept. */
  @Post('tokens')
  @ApiAnswer(CreatedTokenDto, { status: 201, description: 'Created; the token is shown once' })
  async createToken(@Body() body: NewTokenDto, @Req() request: AuthedRequest) {
    const scopes = [...new Set(body.scopes)] as TokenScope[];
    refuseScopesBeyondOwn(request.principal!, scopes);
    const created = await this.accounts.createToken(body.name, scopes);
    await this.accounts.audit(actorOf(request.principal), 'token_created', created.id, request.ip, {
      name: body.name,
      scopes,
    });
    return { id: created.id, name: body.name, scopes, token: created.token };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Revoked' })
  @ApiErrorResponses(404)
  async revokeToken(@Param() { id }: IdParamsDto, @Req() request: AuthedRequest): Promise<void> {
    if (!(await this.accounts.revokeToken(id))) throw new NotFoundException(`No live token ${id}.`);
    await this.accounts.audit(actorOf(request.principal), 'token_revoked', id, request.ip);
  }

  /** The user, or the 404 naming the id. */
  private async target(id: string) {
    const user = await this.accounts.getUser(id);
    if (!user) throw new NotFoundException(`No user ${id}.`);
    return user;
  }

  /** Why a guarded change touched no row: the user is gone, or was just given more roles. */
  private async missingOrBeyond(id: string, principal: Principal) {
    const user = await this.accounts.getUser(id);
    if (!user) return new NotFoundException(`No user ${id}.`);
    return new ForbiddenException(
      `${callerWords(principal)} cannot change ${user.email} (${user.roles.join(', ')}): ` +
        'the user holds permissions it does not hold itself.',
    );
  }

  @Get('audit')
  @ApiAnswer(AuditLogDto, { description: 'The latest events, newest first' })
  audit(@Query() { limit }: AuditQueryDto) {
    return this.accounts.auditLog(limit);
  }
}
