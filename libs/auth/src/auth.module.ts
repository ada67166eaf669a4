import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@tandem/core';
import { NotificationsModule } from '@tandem/notifications';
import { StakeholdersModule } from '@tandem/stakeholders';
import { ActorLoader } from './actor.loader';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { InvitationEmailHandler } from './invitation-email.handler';
import { InvitationsService } from './invitations.service';
import { UsersRepository } from './users.repository';
import { TokenService } from './token.service';

@Module({
  imports: [
    NotificationsModule,
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
    ActorLoader,
    AdminBootstrapService,
    InvitationEmailHandler,
  ],
  exports: [
    AuthService,
    TokenService,
    InvitationsService,
    UsersRepository,
    ActorLoader,
    AdminBootstrapService,
    InvitationEmailHandler,
    JwtModule,
  ],
})
export class AuthModule {}
