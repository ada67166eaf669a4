export * from './user.entity';
export * from './session.entity';
export * from './refresh-token.entity';
export * from './invitation.entity';
export * from './sign-in-throttle.entity';
