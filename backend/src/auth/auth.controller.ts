import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { packRules } from '@casl/ability/extra';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { type CurrentUser as CurrentUserShape, type TokenResponse } from '@werkpad/shared';
import { type CookieOptions, type Request, type Response } from 'express';

import { NoAudit } from '../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../authz/current-ability.decorator';
import { Public, SignedIn } from '../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../authz/policy.types';
import { AppConfig } from '../config/app-config';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SESSION_TTL_HOURS } from './auth.constants';
import { AuthService, type IssuedTokens } from './auth.service';
import { CurrentUserDto, LoginDto, TokenResponseDto } from './dto/login.dto';

@ApiTags('authenticatie')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Logins are throttled per address and per account, on top of the account lockout. */
  @Post('login')
  @Public()
  @NoAudit('every attempt is logged by AuthService as a login event, with its outcome')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ address: { limit: 60, ttl: 60_000 }, account: { limit: 10, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenResponseDto })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) response: Response): Promise<TokenResponse> {
    return this.withRefreshCookie(response, await this.auth.login(dto.username, dto.password));
  }

  @Post('refresh')
  @Public()
  @NoAudit('rotates the caller’s own session token; no personal data is read')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ address: { limit: 120, ttl: 60_000 }, account: { limit: 120, ttl: 60_000 } })
  @ApiOkResponse({ type: TokenResponseDto })
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    const token = (request.cookies as Record<string, string | undefined> | undefined)?.[REFRESH_COOKIE];
    return this.withRefreshCookie(response, await this.auth.refresh(token));
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @NoAudit('ends the caller’s own session; no personal data is read')
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    response.clearCookie(REFRESH_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @SignedIn()
  @NoAudit('returns only the caller’s own account and permissions')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthenticatedUser, @CurrentAbility() ability: AppAbility): CurrentUserShape {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      rules: packRules(ability.rules),
    };
  }

  private withRefreshCookie(response: Response, tokens: IssuedTokens): TokenResponse {
    response.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      ...this.cookieOptions(),
      maxAge: SESSION_TTL_HOURS * 3600 * 1000,
    });
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.isProduction,
      path: REFRESH_COOKIE_PATH,
    };
  }
}
