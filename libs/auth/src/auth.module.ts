import { Module } from '@nestjs/common';
import { InvitationReader } from './invitation.reader';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@tandem/core';
import { StakeholdersModule } from '@tandem/stakeholders';
import { ActorLoader } from './actor.loader';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { InvitationsService } from './invitations.service';
import { SessionCache } from './session-cache';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { UsersRepository } from './users.repository';
import { TokenService } from './token.service';

@Module({
  imports: [
    StakeholdersModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_ACCESS_SECRET,
        signOptions: { algorithm: 'HS256', expiresIn: config.JWT_ACCESS_TTL },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    AuthService,
    TokenService,
    InvitationsService,
    UsersRepository,
    InvitationReader,
    SignInThrottleRepository,
    ActorLoader,
    SessionCache,
    AdminBootstrapService,
  ],
  exports: [
    InvitationReader,
    AuthService,
    TokenService,
    InvitationsService,
    UsersRepository,
    ActorLoader,
    SessionCache,
    AdminBootstrapService,
    JwtModule,
  ],
})
export class AuthModule {}
