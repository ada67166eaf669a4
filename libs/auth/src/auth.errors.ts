import { DomainError } from '@tandem/core';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountLocked = 'ACCOUNT_LOCKED',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  InvitationNotFound = 'INVITATION_NOT_FOUND',
  InvitationAlreadyUsed = 'INVITATION_ALREADY_USED',
  InvitationExpired = 'INVITATION_EXPIRED',
  AlreadyMember = 'ALREADY_MEMBER',
}

export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string, headers?: Record<string, string>) {
    super(code, message, undefined, headers);
  }
}
