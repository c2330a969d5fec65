import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
  Inject,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response, CookieOptions } from 'express';
import { z } from 'zod';
import {
  SESSION_COOKIE,
  XSRF_COOKIE,
  type CurrentUser,
  type DemoLogin,
} from '@returnlens/shared/contracts';
import { APP_CONFIG, type AppConfig } from '@returnlens/api/shared/util';
import { AccountsService, SESSION_HOURS } from '@returnlens/api/auth/data-access';
import { DuringPasswordChange, Public } from '@returnlens/api/auth/data-access';
import { passwordProblem } from '@returnlens/api/auth/data-access';
import { actorOf, type AuthedRequest } from '@returnlens/api/auth/data-access';
import { RateLimitGuard } from '@returnlens/api/auth/data-access';

const loginSchema = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});
const passwordSchema = z.object({
  current: z.string().max(200),
  next: z.string().max(200),
});

/** Sign-in with a password; the session lives in an HttpOnly, SameSite=Strict cookie. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ ingest: true })
  async login(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const parsed = loginSchema.safeParse(body);
    if (!parsed.success)
      throw new BadRequestException('Send {"email": "…", "password": "…"} to sign in.');
    const session = await this.accounts.signIn(parsed.data.email, parsed.data.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    await this.accounts.audit(
      `user:${parsed.data.email.trim().toLowerCase().slice(0, 254)}`,
      session ? 'login' : 'login_failed',
      null,
      request.ip,
    );
    if (!session) throw new UnauthorizedException('The e-mail or password is wrong.');
    const base = this.cookieBase(request);
    response.cookie(SESSION_COOKIE, session.sessionId, { ...base, httpOnly: true });
    // Readable by the page's script, which echoes it in the X-XSRF-TOKEN header.
    response.cookie(XSRF_COOKIE, session.csrf, { ...base, httpOnly: false });
    return session.user;
  }

  @Post('logout')
  @HttpCode(204)
  @DuringPasswordChange()
  async logout(@Req() request: AuthedRequest, @Res({ passthrough: true }) response: Response) {
    const principal = request.principal;
    if (principal?.sessionHash) {
      await this.accounts.signOut(principal.sessionHash);
      await this.accounts.audit(actorOf(principal), 'logout', null, request.ip);
    }
    const base = this.cookieBase(request);
    response.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true, maxAge: undefined });
    response.clearCookie(XSRF_COOKIE, { ...base, maxAge: undefined });
  }

  @Get('me')
  @DuringPasswordChange()
  me(@Req() request: AuthedRequest): CurrentUser {
    const p = request.principal!;
    return {
      id: p.id,
      email: p.kind === 'session' ? p.name : '',
      name: p.displayName,
      roles: p.roles,
      permissions: p.permissions,
      mustChangePassword: p.mustChangePassword,
      demo: p.demo,
    };
  }

  @Post('password')
  @HttpCode(204)
  @DuringPasswordChange()
  async changePassword(@Body() body: unknown, @Req() request: AuthedRequest): Promise<void> {
    const principal = request.principal!;
    if (principal.kind !== 'session')
      throw new BadRequestException('Only a signed-in person has a password.');
    const parsed = passwordSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException('Send {"current": "…", "next": "…"}.');
    const problem = passwordProblem(parsed.data.next, principal.name);
    if (problem)
      throw new BadRequestException({ statusCode: 400, field: 'next', message: problem });
    if (parsed.data.next === parsed.data.current)
      throw new BadRequestException({
        statusCode: 400,
        field: 'next',
        message: 'The new password must differ from the current one.',
      });
    if (!(await this.accounts.changePassword(principal.id, parsed.data.current, parsed.data.next)))
      throw new BadRequestException({
        statusCode: 400,
        field: 'current',
        message: 'The current password is wrong.',
      });
    await this.accounts.audit(actorOf(principal), 'password_changed', null, request.ip);
  }

  /** The demo logins, listed on the sign-in page while they exist (loopback only). */
  @Get('demo-logins')
  @Public()
  demoLogins(): Promise<DemoLogin[]> {
    return this.accounts.demoLogins();
  }

  private cookieBase(request: Request): CookieOptions {
    const secure =
      this.config.cookieSecure === 'auto' ? request.secure : this.config.cookieSecure === 'on';
    return { sameSite: 'strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 * 1000 };
  }
}
