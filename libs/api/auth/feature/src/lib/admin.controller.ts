import {
  BadRequestException,
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
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { TOKEN_SCOPES, type TokenScope } from '@returnlens/shared/contracts';
import { AccountError, AccountsService, validRoles } from '@returnlens/api/auth/data-access';
import { Allow } from '@returnlens/api/auth/data-access';
import { actorOf, type AuthedRequest } from '@returnlens/api/auth/data-access';

const ID = /^\d{1,18}$/;

const newUserSchema = z.object({
  email: z.string().max(254),
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.string()).min(1).max(4),
});
const userChangeSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    roles: z.array(z.string()).min(1).max(4).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
const newTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
});

function idOf(id: string): string {
  if (!ID.test(id)) throw new NotFoundException('No such id.');
  return id;
}

function bad(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message });
}

/** Users, API tokens and the audit log: admins and owners. */
@ApiTags('admin')
@Controller('admin')
@Allow('admin')
export class AdminController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('users')
  users() {
    return this.accounts.listUsers();
  }

  /** Creates a user; the answer carries a one-time password, shown once. */
  @Post('users')
  async createUser(@Body() body: unknown, @Req() request: AuthedRequest) {
    const parsed = newUserSchema.safeParse(body);
    if (!parsed.success) throw bad('Send {"email": "…", "name": "…", "roles": ["buyer"]}.');
    try {
      const created = await this.accounts.createUser({
        email: parsed.data.email,
        name: parsed.data.name,
        roles: validRoles(parsed.data.roles),
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
  async updateUser(@Param('id') id: string, @Body() body: unknown, @Req() request: AuthedRequest) {
    const parsed = userChangeSchema.safeParse(body);
    if (!parsed.success)
      throw bad('Send any of {"name": "…", "roles": ["buyer"], "disabled": true}.');
    const principal = request.principal!;
    if (
      principal.kind === 'session' &&
      principal.id === idOf(id) &&
      (parsed.data.disabled || parsed.data.roles)
    )
      throw bad('You cannot disable yourself or change your own roles; ask another admin.');
    let roles;
    try {
      roles = parsed.data.roles && validRoles(parsed.data.roles);
    } catch (error) {
      throw bad((error as Error).message);
    }
    const user = await this.accounts.updateUser(idOf(id), { ...parsed.data, roles });
    if (!user) throw new NotFoundException(`No user ${id}.`);
    await this.accounts.audit(
      actorOf(principal),
      'user_changed',
      user.email,
      request.ip,
      parsed.data,
    );
    return user;
  }

  @Post('users/:id/reset-password')
  async resetPassword(@Param('id') id: string, @Req() request: AuthedRequest) {
    const password = await this.accounts.resetPassword(idOf(id));
    if (!password) throw new NotFoundException(`No user ${id}.`);
    await this.accounts.audit(actorOf(request.principal), 'password_reset', id, request.ip);
    return { oneTimePassword: password };
  }

  @Get('tokens')
  tokens() {
    return this.accounts.listTokens();
  }

  /** Creates an API token; the answer carries it once, only its hash is kept. */
  @Post('tokens')
  async createToken(@Body() body: unknown, @Req() request: AuthedRequest) {
    const parsed = newTokenSchema.safeParse(body);
    if (!parsed.success)
      throw bad(`Send {"name": "…", "scopes": [${TOKEN_SCOPES.map((s) => `"${s}"`).join(', ')}]}.`);
    const scopes = [...new Set(parsed.data.scopes)] as TokenScope[];
    const created = await this.accounts.createToken(parsed.data.name, scopes);
    await this.accounts.audit(actorOf(request.principal), 'token_created', created.id, request.ip, {
      name: parsed.data.name,
      scopes,
    });
    return { id: created.id, name: parsed.data.name, scopes, token: created.token };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revokeToken(@Param('id') id: string, @Req() request: AuthedRequest): Promise<void> {
    if (!(await this.accounts.revokeToken(idOf(id))))
      throw new NotFoundException(`No live token ${id}.`);
    await this.accounts.audit(actorOf(request.principal), 'token_revoked', id, request.ip);
  }

  @Get('audit')
  audit(@Query('limit') limit = '200') {
    return this.accounts.auditLog(Math.min(1000, Math.max(1, Number.parseInt(limit, 10) || 200)));
  }
}
