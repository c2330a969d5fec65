import { resolveLanguage } from '@returnlens/shared/i18n';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
  Inject,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request, Response, CookieOptions } from 'express';
import {
  SESSION_COOKIE,
  UI_LANGUAGES,
  XSRF_COOKIE,
  type CurrentUser,
  type DemoLogin,
  type LanguageAnswer,
} from '@returnlens/shared/contracts';
import {
  ApiAnswer,
  ApiErrorResponses,
  APP_CONFIG,
  type AppConfig,
} from '@returnlens/api/shared/util';
import { AccountsService, SESSION_HOURS } from '@returnlens/api/auth/data-access';
import { Allow, DuringPasswordChange, Public, RateLimits } from '@returnlens/api/auth/data-access';
import { passwordRefusal } from '@returnlens/api/auth/data-access';
import { actorOf, type AuthedRequest } from '@returnlens/api/auth/data-access';
import { RateLimitGuard } from '@returnlens/api/auth/data-access';
import {
  CurrentUserDto,
  DemoLoginsDto,
  LanguageAnswerDto,
  LanguageDto,
  LoginDto,
  PasswordChangeDto,
  ShopLanguageDto,
} from './dto/auth.dto';
import { PASSWORD_ADDRESS_LIMIT, PASSWORD_USER_LIMIT } from './rate-limits';

/** Sign-in with a password; the session lives in an HttpOnly, SameSite=Strict cookie. */
@ApiTags('auth')
@ApiErrorResponses(400, 401, 403, 503)
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
  @ApiAnswer(CurrentUserDto, {
    description: 'Signed in: the session and XSRF-TOKEN cookies are set',
  })
  @ApiErrorResponses(429)
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const session = await this.accounts.signIn(body.email, body.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    await this.accounts.audit(
      `user:${body.email.trim().toLowerCase().slice(0, 254)}`,
      session ? 'login' : 'login_failed',
      null,
      request.ip,
    );
    if (!session)
      throw new UnauthorizedException({
        statusCode: 401,
        code: 'sign_in_failed',
        message: 'The e-mail or password is wrong.',
      });
    const base = this.cookieBase(request);
    response.cookie(SESSION_COOKIE, session.sessionId, { ...base, httpOnly: true });
    // Readable by the page's script, which echoes it in the X-XSRF-TOKEN header.
    response.cookie(XSRF_COOKIE, session.csrf, { ...base, httpOnly: false });
    return session.user;
  }

  @Post('logout')
  @HttpCode(204)
  @DuringPasswordChange()
  @ApiResponse({ status: 204, description: 'Signed out: the cookies are cleared' })
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
  @ApiAnswer(CurrentUserDto, { description: 'Who is signed in (or whose token this is)' })
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
      language: p.language ?? null,
    };
  }

  /**
   * The language the interface speaks to this caller: the signed-in user's choice, else the
   * first language of the browser's `Accept-Language` the dashboard speaks, else the shop's
   * default. Public: the sign-in page asks too.
   */
  @Get('language')
  @Public()
  @ApiAnswer(LanguageAnswerDto, { description: 'The interface language and why' })
  async language(@Req() request: AuthedRequest): Promise<LanguageAnswer> {
    const shopDefault = await this.accounts.shopLanguage();
    const base = { shopDefault, languages: [...UI_LANGUAGES] };
    const chosen = request.principal?.kind === 'session' ? request.principal.language : null;
    return { ...resolveLanguage(chosen, request.headers['accept-language'], shopDefault), ...base };
  }

  /** Chooses one's interface language (kept with the account); null follows the browser again. */
  @Put('language')
  @HttpCode(204)
  @DuringPasswordChange()
  @ApiResponse({ status: 204, description: 'Chosen; every session of the user speaks it' })
  async chooseLanguage(@Body() body: LanguageDto, @Req() request: AuthedRequest): Promise<void> {
    const p = request.principal!;
    if (p.kind !== 'session')
      throw new BadRequestException({
        statusCode: 400,
        code: 'language_for_people_only',
        message: 'An API token has no interface language: sign in to choose one.',
      });
    await this.accounts.setLanguage(p.id, body.language);
  }

  /** The shop's default interface language: for those whose browser names none the dashboard speaks. */
  @Put('shop-language')
  @HttpCode(204)
  @Allow('settings')
  @ApiResponse({ status: 204, description: "The shop's default language is changed" })
  async chooseShopLanguage(
    @Body() body: ShopLanguageDto,
    @Req() request: AuthedRequest,
  ): Promise<void> {
    const before = await this.accounts.shopLanguage();
    await this.accounts.setShopLanguage(body.language);
    await this.accounts.audit(actorOf(request.principal), 'settings.language', null, request.ip, {
      before,
      after: body.language,
    });
  }

  /**
   * Changes one's password. Every other session of the user ends (one opened with a leaked or
   * one-time password included); this one stays signed in. Limited like sign-in, per user and
   * per client address.
   */
  @Post('password')
  @HttpCode(204)
  @DuringPasswordChange()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ login: true, ingest: true })
  @RateLimits(PASSWORD_USER_LIMIT, PASSWORD_ADDRESS_LIMIT)
  @ApiResponse({
    status: 204,
    description: "The password is changed; the user's other sessions have ended",
  })
  @ApiErrorResponses(429)
  async changePassword(
    @Body() body: PasswordChangeDto,
    @Req() request: AuthedRequest,
  ): Promise<void> {
    const principal = request.principal!;
    if (principal.kind !== 'session')
      throw new BadRequestException({
        statusCode: 400,
        code: 'password_for_people_only',
        message: 'Only a signed-in person has a password.',
      });
    const refusal = passwordRefusal(body.next, principal.name);
    if (refusal) throw new BadRequestException({ statusCode: 400, field: 'next', ...refusal });
    if (body.next === body.current)
      throw new BadRequestException({
        statusCode: 400,
        field: 'next',
        code: 'password_unchanged',
        message: 'The new password must differ from the current one.',
      });
    const ended = await this.accounts.changePassword(
      principal.id,
      body.current,
      body.next,
      principal.sessionHash,
    );
    if (ended === null)
      throw new BadRequestException({
        statusCode: 400,
        field: 'current',
        code: 'password_current_wrong',
        message: 'The current password is wrong.',
      });
    await this.accounts.audit(actorOf(principal), 'password_changed', null, request.ip, {
      otherSessionsEnded: ended,
    });
  }

  /** The demo logins, listed on the sign-in page while they exist (loopback only). */
  @Get('demo-logins')
  @Public()
  @ApiAnswer(DemoLoginsDto, { description: 'The demo logins (empty once removed)' })
  demoLogins(): Promise<DemoLogin[]> {
    return this.accounts.demoLogins();
  }

  private cookieBase(request: Request): CookieOptions {
    const secure =
      this.config.cookieSecure === 'auto' ? request.secure : this.config.cookieSecure === 'on';
    return { sameSite: 'strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 * 1000 };
  }
}
