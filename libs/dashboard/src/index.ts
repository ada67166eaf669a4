export * from './dashboard.service';
export * from './dashboard.module';
