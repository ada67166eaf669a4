import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthService, TokenPairDto } from '@tandem/auth';
import { Request } from 'express';
import { Strategy } from 'passport-local';

/** passport-local: e-mail and password in, a token pair out (the pair becomes `req.user`). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  /** The client address (after TRUST_PROXY) is the "source" of the per-account-and-source throttle. */
  validate(req: Request, email: string, password: string): Promise<TokenPairDto> {
    return this.auth.login(email, password, req.ip ?? 'unknown');
  }
}
