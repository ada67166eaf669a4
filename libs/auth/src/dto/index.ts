export * from './login.dto';
export * from './refresh.dto';
export * from './token-pair.dto';
export * from './create-invitation.dto';
export * from './accept-invitation.dto';
