import { Actor } from '@tandem/core';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, LoginDto, RefreshDto, TokenPairDto } from '@tandem/auth';
import { CurrentActor } from '../auth/current-actor.decorator';
import { LoginGuard } from '../auth/login.guard';
import { Public } from '../auth/public.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Throttled per address and e-mail; an account is locked for a while after repeated failures (429 with Retry-After).',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  login(@CurrentActor() pair: unknown): TokenPairDto {
    // LoginGuard (passport-local) put the issued pair on the request.
    return pair as TokenPairDto;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Single use. Presenting a used token revokes the whole session.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401, 429)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user, platform role and memberships' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
