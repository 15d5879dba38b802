import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { packRules } from '@casl/ability/extra';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import {
  type CurrentUser as CurrentUserShape,
  type MfaChallenge,
  type MfaEnrollment,
  type TokenResponse,
} from '@werkpad/shared';
import { type CookieOptions, type Request, type Response } from 'express';

import { NoAudit } from '../audit/audited.decorator';
import { CurrentAbility, CurrentUser } from '../authz/current-ability.decorator';
import { Public, SignedIn } from '../authz/policy.decorator';
import { type AppAbility, type AuthenticatedUser } from '../authz/policy.types';
import { AppConfig } from '../config/app-config';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SESSION_TTL_HOURS } from './auth.constants';
import { AuthService, isMfaChallenge, type IssuedTokens } from './auth.service';
import { CurrentUserDto, LoginDto, TokenResponseDto } from './dto/login.dto';
import { MfaChallengeDto, MfaEnrollmentDto, MfaTokenDto, MfaVerifyDto } from './mfa/dto/mfa.dto';

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
  @ApiExtraModels(TokenResponseDto, MfaChallengeDto)
  @ApiOkResponse({
    description: 'Tokens, of voor een auditlog-lezer (FG) eerst de tweede stap (MfaChallenge)',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenResponseDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] },
  })
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse | MfaChallenge> {
    const outcome = await this.auth.login(dto.username, dto.password);
    // A challenge sets no cookie: there is no session until the code is accepted.
    return isMfaChallenge(outcome) ? outcome : this.withRefreshCookie(response, outcome);
  }

  /**
   * The second step's routes are throttled per address like login. The per-account limit keys on
   * the body's username, which these bodies lack; the account lockout counts wrong codes instead.
   */
  @Post('mfa/enrollment')
  @Public()
  @NoAudit('the enrolment is logged by AuthService as a create of UserMfa')
  @UseGuards(ThrottlerGuard)
  @Throttle({ address: { limit: 60, ttl: 60_000 } })
  @SkipThrottle({ account: true })
  @ApiCreatedResponse({ type: MfaEnrollmentDto })
  @ApiUnauthorizedResponse({ description: 'mfaToken verlopen of ongeldig, of account geblokkeerd' })
  @ApiConflictResponse({ description: 'Tweestapsverificatie is al ingesteld' })
  startMfaEnrollment(@Body() dto: MfaTokenDto): Promise<MfaEnrollment> {
    return this.auth.startMfaEnrollment(dto.mfaToken);
  }

  @Post('mfa/verify')
  @Public()
  @NoAudit('every attempt is logged by AuthService as a login event, with its outcome')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ address: { limit: 60, ttl: 60_000 } })
  @SkipThrottle({ account: true })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'Code onjuist of al gebruikt, mfaToken verlopen, of account geblokkeerd',
  })
  @ApiConflictResponse({ description: 'Nog geen tweestapsverificatie ingesteld' })
  async verifyMfa(
    @Body() dto: MfaVerifyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenResponse> {
    return this.withRefreshCookie(response, await this.auth.verifyMfa(dto.mfaToken, dto.code));
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
