import { LibraryError } from '@tandem/core';

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

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class AuthError extends LibraryError<AuthErrorCode> {}
