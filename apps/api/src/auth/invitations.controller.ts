import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationDto, InvitationsService, TokenPairDto } from '@tandem/auth';
import { CoreError } from '@tandem/core';
import { Public } from './public.decorator';
import { Operation } from '../http/api-problems.decorator';

const TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post(':token/accept')
  @Public()
  @Operation({
    summary: 'Accept an invitation with the token from its e-mail',
    description:
      'Creates the account (or, for an existing account, checks its password), joins the organisation and signs in.',
    created: TokenPairDto,
    problems: [400, 401, 404, 409, 410],
  })
  accept(@Param('token') token: string, @Body() dto: AcceptInvitationDto): Promise<TokenPairDto> {
    if (!TOKEN.test(token)) throw CoreError.invalid('token', 'is not an invitation token');
    return this.invitations.accept(token, dto);
  }
}
