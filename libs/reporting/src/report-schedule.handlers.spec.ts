import { ReportCadence } from './entities';
import { periodKeyOf, repeatFor } from './report-schedule.handlers';

describe('report schedule timing', () => {
  it('maps cadences to calendar patterns in UTC', () => {
    expect(repeatFor(ReportCadence.Weekly)).toEqual({ pattern: '0 6 * * 1', tz: 'UTC' });
    expect(repeatFor(ReportCadence.Monthly)).toEqual({ pattern: '0 6 1 * *', tz: 'UTC' });
  });

  it('REPORT_SCHEDULE_EVERY_MS replaces the calendar, monthly four times weekly', () => {
    expect(repeatFor(ReportCadence.Weekly, 1000)).toEqual({ every: 1000 });
    expect(repeatFor(ReportCadence.Monthly, 1000)).toEqual({ every: 4000 });
  });

  it('names a firing by the millis in its scheduler job id', () => {
    expect(periodKeyOf('repeat:report-schedule.abc:1795443789600')).toBe(
      new Date(1795443789600).toISOString(),
    );
    expect(periodKeyOf('manual-run')).toBe('manual-run');
  });
});
