export * from './dashboard.repository';
export * from './dashboard.service';
export * from './dashboard.module';
