export * from './user.entity';
export * from './session.entity';
export * from './refresh-token.entity';
export * from './invitation.entity';
