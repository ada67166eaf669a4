export * from './create-report.dto';
export * from './list-reports.dto';
export * from './report-schedule.dto';
