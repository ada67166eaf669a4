import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { AuthService, LoginDto, RefreshDto, TokenPairDto } from '@tandem/auth';
import { CurrentActor } from './current-actor.decorator';
import { LoginGuard } from './login.guard';
import { Public } from './public.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { LeavesCachedReads } from '../http/read-cache.interceptor';
import { Actor } from '@tandem/core';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @LeavesCachedReads()
  @UseGuards(LoginGuard)
  @HttpCode(200)
  @Operation({
    summary: 'Sign in with e-mail and password',
    description:
      'Throttled per address and e-mail; an account is locked for a while after repeated failures (429 with Retry-After).',
    ok: TokenPairDto,
    problems: [400, 401, 429],
  })
  @ApiBody({ type: LoginDto })
  login(@CurrentActor() pair: unknown): TokenPairDto {
    // LoginGuard (passport-local) put the issued pair on the request.
    return pair as TokenPairDto;
  }

  @Post('refresh')
  @Public()
  @LeavesCachedReads()
  @HttpCode(200)
  @Operation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Single use. Presenting a used token revokes the whole session.',
    ok: TokenPairDto,
    problems: [400, 401, 429],
  })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @Operation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Get('me')
  @Authenticated()
  @Operation({ summary: 'The signed-in user, platform role and memberships' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
