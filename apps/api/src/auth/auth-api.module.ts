import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { AuthController } from './auth.controller';
import { InvitationsController } from './invitations.controller';

/** HTTP routes of sign-in, sessions and accepting invitations. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController, InvitationsController],
})
export class AuthApiModule {}
