export * from './entities';
export * from './tasks.errors';
export * from './tasks.module';
