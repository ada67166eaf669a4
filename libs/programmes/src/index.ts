export * from './entities';
export * from './programmes.errors';
export * from './programme-access.service';
export * from './programmes.module';
export * from './indicators/indicators.module';
