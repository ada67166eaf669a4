export * from './report.entity';
export * from './report-schedule.entity';
