export * from './programme.entity';
export * from './programme-partner.entity';
export * from './programme-manager.entity';
export * from './milestone.entity';
export * from './indicator.entity';
export * from './indicator-value.entity';
export * from './reporting-period-lock.entity';
